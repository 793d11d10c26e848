/** One post asking for a publish time. */
export interface SlotRequest {
  /** Identifies the request in the result. */
  readonly key: string;
  /** The account that posts it (`connectionId/accountId`): gaps and quotas are per account. */
  readonly accountKey: string;
  /** The best-time slot wanted. */
  readonly desired: Date;
  /** Most posts this account may publish in any rolling 24 hours, when its platform caps it. */
  readonly dailyLimit?: number;
}

/** Rules every assigned slot obeys. */
export interface SlotRules {
  /** No two posts of one account closer than this (milliseconds). */
  readonly minGapMs: number;
  /** Nothing is scheduled before this (now plus a lead time). */
  readonly earliest: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first time a new post may take: `now` plus the lead time, rounded up to a whole five minutes. */
export function earliestSlot(now: Date, leadTimeMinutes: number): Date {
  const step = 5 * 60_000;
  return new Date(Math.ceil((now.getTime() + leadTimeMinutes * 60_000) / step) * step);
}
const MAX_MOVES = 10_000;

/**
 * Gives each post a publish time at or after its wanted slot such that no account has two posts
 * closer than `minGapMs` and no account exceeds its rolling-24-hour limit, counting the account's
 * posts already scheduled (`taken`, epoch milliseconds). Posts are placed in order of their wanted
 * time; a post that does not fit moves later, just past the conflict, so the calendar keeps its
 * shape. Returns the time per request key; `taken` is not modified.
 */
export function assignSlots(
  requests: readonly SlotRequest[],
  taken: ReadonlyMap<string, readonly number[]>,
  rules: SlotRules,
): Map<string, Date> {
  const booked = new Map<string, number[]>([...taken].map(([account, times]) => [account, [...times]]));
  const ordered = [...requests].sort(
    (a, b) => a.desired.getTime() - b.desired.getTime() || a.key.localeCompare(b.key),
  );
  const result = new Map<string, Date>();
  for (const request of ordered) {
    const times = booked.get(request.accountKey) ?? [];
    let time = Math.max(request.desired.getTime(), rules.earliest.getTime());
    for (let move = 0; move < MAX_MOVES; move++) {
      const next = nextFreeTime(time, times, request.dailyLimit, rules.minGapMs);
      if (next === time) break;
      time = next;
    }
    times.push(time);
    times.sort((a, b) => a - b);
    booked.set(request.accountKey, times);
    result.set(request.key, new Date(time));
  }
  return result;
}

/** `time` when it is free, otherwise a later time that clears the first conflict found. */
function nextFreeTime(
  time: number,
  times: readonly number[],
  dailyLimit: number | undefined,
  minGapMs: number,
): number {
  const clash = times.find((other) => Math.abs(other - time) < minGapMs);
  if (clash !== undefined) return clash + minGapMs;
  if (dailyLimit === undefined) return time;
  // Every 24-hour window that would contain `time` must hold fewer than `dailyLimit` other posts.
  const starts = [time, ...times.filter((other) => other > time - DAY_MS && other <= time)];
  for (const start of starts.sort((a, b) => a - b)) {
    const inWindow = times.filter((other) => other >= start && other < start + DAY_MS).length;
    if (inWindow >= dailyLimit) return start + DAY_MS;
  }
  return time;
}
