import type { AdsAccountSnapshot } from './account-snapshot';

/**
 * What the reporting-delay estimator remembers between decision times: the conversions reported per
 * impression slot at the previous look, and chain-ladder development sums per lag. Plain JSON.
 */
export interface ReportingDelayMemory {
  /** Decision time of the previous look, epoch ms. */
  readonly observedAt: number;
  /** `[slot start, conversions reported by then]` for slots still developing. */
  readonly reported: ReadonlyArray<readonly [number, number]>;
  /** Index ℓ−1: conversions at lag ℓ+1 (numerator) and at lag ℓ (denominator) of the same slots. */
  readonly developed: readonly number[];
  readonly undeveloped: readonly number[];
}

/** Lags (in slots) after which the engine treats a slot's reports as complete: seven days of six hours. */
export const DEFAULT_MAX_REPORTING_LAG = 28;

/**
 * Updates the chain-ladder estimate of how conversions for an impression slot keep arriving after it.
 * Each time the engine looks one slot later than before, every slot's reported count at lag ℓ+1 is set
 * against its count at lag ℓ; the ratio of the sums is the development factor. This learns the platform's
 * attribution delay from what it reports, with no assumption about its shape. Looks at other spacings
 * only refresh the stored counts.
 */
export function observeReportingDelay(
  memory: ReportingDelayMemory | undefined,
  snapshot: AdsAccountSnapshot,
  maxLag = DEFAULT_MAX_REPORTING_LAG,
): ReportingDelayMemory {
  const now = snapshot.now;
  const slotMs = snapshot.slotMs;
  const counts = new Map<number, number>();
  for (const campaign of snapshot.campaigns) {
    for (const creative of campaign.creatives) {
      for (const slot of creative.slots) {
        if (now - slot.start > maxLag * slotMs) continue;
        counts.set(slot.start, (counts.get(slot.start) ?? 0) + slot.conversions);
      }
    }
  }
  const developed = [...(memory?.developed ?? new Array<number>(maxLag).fill(0))];
  const undeveloped = [...(memory?.undeveloped ?? new Array<number>(maxLag).fill(0))];
  if (memory !== undefined && now - memory.observedAt === slotMs) {
    for (const [start, before] of memory.reported) {
      const lag = Math.round((memory.observedAt - start) / slotMs);
      const after = counts.get(start);
      if (after === undefined || lag < 1 || lag >= maxLag) continue;
      developed[lag - 1] = (developed[lag - 1] ?? 0) + after;
      undeveloped[lag - 1] = (undeveloped[lag - 1] ?? 0) + before;
    }
  }
  return { observedAt: now, reported: [...counts.entries()], developed, undeveloped };
}

/**
 * The share of a slot's eventual conversions reported by each lag: index ℓ is lag ℓ slots after the slot
 * started (index 0 unused). Development factors are shrunk toward 1 by `pseudoCount` conversions, so
 * with little data the engine assumes reports are nearly complete rather than inventing a delay.
 */
export function reportingCompletion(
  memory: ReportingDelayMemory | undefined,
  maxLag = DEFAULT_MAX_REPORTING_LAG,
  pseudoCount = 1,
): Float64Array {
  const completion = new Float64Array(maxLag + 1).fill(1);
  let cumulative = 1;
  for (let lag = maxLag - 1; lag >= 1; lag -= 1) {
    const numerator = (memory?.developed[lag - 1] ?? 0) + pseudoCount;
    const denominator = (memory?.undeveloped[lag - 1] ?? 0) + pseudoCount;
    cumulative *= Math.min(1, denominator / numerator);
    completion[lag] = cumulative;
  }
  completion[0] = completion[1]! / 2;
  return completion;
}

/** The completion of a slot that started at `start`, seen at `now`. */
export function completionAt(completion: Float64Array, now: number, start: number, slotMs: number): number {
  const lag = Math.floor((now - start) / slotMs);
  if (lag >= completion.length) return 1;
  return completion[Math.max(0, lag)]!;
}
