import type { SocialChannel } from '@growthhub/core';

/**
 * Best local posting times per channel and weekday (index 0 is Sunday), as `HH:MM` in preference
 * order: the first is the strongest slot. Times are local to the store's time zone.
 */
export type BestTimeTable = Readonly<Partial<Record<SocialChannel, readonly (readonly string[])[]>>>;

const weekdays = (weekday: readonly string[], weekend: readonly string[]): readonly (readonly string[])[] => [
  weekend,
  weekday,
  weekday,
  weekday,
  weekday,
  weekday,
  weekend,
];

/**
 * The default best times. They are conservative, widely published engagement windows (industry
 * studies of when audiences are active: commute and lunch for X and Facebook, lunch and evening for
 * Instagram and TikTok, afternoon for YouTube, evening for Pinterest), not measurements of one
 * store's audience; pass `bestTimes` to `planCalendar` to use your own.
 *
 * | channel | Monday–Friday | Saturday–Sunday |
 * |---|---|---|
 * | x | 09:00, 12:00, 17:00 | 10:00, 13:00, 16:00 |
 * | instagram | 11:00, 19:00, 14:00 | 10:00, 18:00, 13:00 |
 * | facebook | 09:00, 13:00, 16:00 | 10:00, 12:00, 15:00 |
 * | tiktok | 12:00, 19:00, 17:00 | 11:00, 19:00, 15:00 |
 * | youtube | 15:00, 18:00, 12:00 | 10:00, 14:00, 17:00 |
 * | pinterest | 20:00, 14:00, 21:00 | 11:00, 20:00, 15:00 |
 */
export const DEFAULT_BEST_TIMES: BestTimeTable = {
  x: weekdays(['09:00', '12:00', '17:00'], ['10:00', '13:00', '16:00']),
  instagram: weekdays(['11:00', '19:00', '14:00'], ['10:00', '18:00', '13:00']),
  facebook: weekdays(['09:00', '13:00', '16:00'], ['10:00', '12:00', '15:00']),
  tiktok: weekdays(['12:00', '19:00', '17:00'], ['11:00', '19:00', '15:00']),
  youtube: weekdays(['15:00', '18:00', '12:00'], ['10:00', '14:00', '17:00']),
  pinterest: weekdays(['20:00', '14:00', '21:00'], ['11:00', '20:00', '15:00']),
};

/**
 * The local slot times (minutes after midnight, ascending) for `count` posts on one channel and
 * weekday: the `count` strongest best times, and when more posts are wanted than the table has,
 * extra slots spread evenly over the day (08:00–21:00) away from the others.
 */
export function slotTimesForDay(
  channel: SocialChannel,
  weekday: number,
  count: number,
  table: BestTimeTable = DEFAULT_BEST_TIMES,
): number[] {
  const ranked = (table[channel] ?? DEFAULT_BEST_TIMES[channel] ?? DEFAULT_BEST_TIMES.x)?.[weekday] ?? [];
  const chosen = ranked.slice(0, count).map(parseClock);
  const dayStart = 8 * 60;
  const dayEnd = 21 * 60;
  while (chosen.length < count) {
    // Put the next slot in the middle of the widest free stretch of the day.
    const sorted = [...new Set([dayStart, ...chosen, dayEnd])].sort((a, b) => a - b);
    let best = { start: dayStart, gap: -1 };
    for (let index = 1; index < sorted.length; index++) {
      const gap = (sorted[index] as number) - (sorted[index - 1] as number);
      if (gap > best.gap) best = { start: sorted[index - 1] as number, gap };
    }
    const slot = Math.round(best.start + best.gap / 2);
    chosen.push(chosen.includes(slot) ? slot + chosen.length : slot);
  }
  return chosen.sort((a, b) => a - b);
}

/** `HH:MM` → minutes after midnight. */
export function parseClock(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(value);
  if (match === null) throw new RangeError(`"${value}" is not a time of day in HH:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}
