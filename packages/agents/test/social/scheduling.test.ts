import { describe, expect, it } from 'vitest';
import { assignSlots, localDate, slotTimesForDay, zonedTimeToUtc } from '../../src/social/index';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startPlanningWorld } from './support/planning-world';

const HOUR = 3_600_000;

describe('zonedTimeToUtc', () => {
  it('reads a local time in the zone in force that day, across DST changes', () => {
    // Paris: CET (+1) before 29 March 2026, CEST (+2) after.
    expect(zonedTimeToUtc('2026-03-28', 9 * 60, 'Europe/Paris').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-03-30', 9 * 60, 'Europe/Paris').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // New York: EST (-5) before 8 March 2026, EDT (-4) after.
    expect(zonedTimeToUtc('2026-03-07', 12 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-03-09', 12 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
    // Southern hemisphere: Sydney leaves DST (+11 → +10) on 5 April 2026.
    expect(zonedTimeToUtc('2026-04-06', 10 * 60, 'Australia/Sydney').toISOString()).toBe(
      '2026-04-06T00:00:00.000Z',
    );
  });

  it('moves a time skipped by the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in New York on 8 March 2026; it is 03:30 EDT.
    expect(zonedTimeToUtc('2026-03-08', 2 * 60 + 30, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of a time repeated when clocks go back', () => {
    // 01:30 happens twice in New York on 1 November 2026: first at EDT (05:30Z), then EST (06:30Z).
    expect(zonedTimeToUtc('2026-11-01', 90, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('gives the local day of an instant', () => {
    expect(localDate(new Date('2026-03-01T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-02T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-01');
  });
});

describe('slotTimesForDay', () => {
  it('takes the strongest best times, in time order, and spreads extra posts over the day', () => {
    expect(slotTimesForDay('x', 1, 2)).toEqual([9 * 60, 12 * 60]);
    expect(slotTimesForDay('instagram', 1, 2)).toEqual([11 * 60, 19 * 60]);
    const five = slotTimesForDay('x', 1, 5);
    expect(five).toHaveLength(5);
    expect(new Set(five).size).toBe(5);
    expect(five).toEqual([...five].sort((a, b) => a - b));
    expect(five.every((minute) => minute >= 8 * 60 && minute <= 21 * 60)).toBe(true);
  });
});

describe('assignSlots', () => {
  const earliest = new Date('2026-03-02T00:00:00Z');

  it('keeps every post of one account at least the gap apart, moving later ones', () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour));
    const result = assignSlots(
      [
        { key: 'a', accountKey: 'acct', desired: at(9) },
        { key: 'b', accountKey: 'acct', desired: at(9) },
        { key: 'c', accountKey: 'other', desired: at(9) },
      ],
      new Map([['acct', [at(10).getTime()]]]),
      { minGapMs: HOUR, earliest },
    );
    expect(result.get('a')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(result.get('b')?.toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(result.get('c')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('never lets an account exceed its rolling 24-hour limit', () => {
    const requests = Array.from({ length: 7 }, (_, index) => ({
      key: `p${index}`,
      accountKey: 'ig',
      desired: new Date(Date.UTC(2026, 2, 2, 8 + index)),
      dailyLimit: 3,
    }));
    const result = assignSlots(requests, new Map(), { minGapMs: 0, earliest });
    const times = [...result.values()].map((date) => date.getTime()).sort((a, b) => a - b);
    for (const start of times) {
      expect(times.filter((time) => time >= start && time < start + 24 * HOUR).length).toBeLessThanOrEqual(3);
    }
    expect(result.get('p3')?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('schedules nothing before the earliest time', () => {
    const result = assignSlots(
      [{ key: 'a', accountKey: 'acct', desired: new Date('2026-03-01T09:00:00Z') }],
      new Map(),
      { minGapMs: HOUR, earliest },
    );
    expect(result.get('a')?.toISOString()).toBe(earliest.toISOString());
  });
});

describe('planCalendar scheduling', () => {
  it('puts posts at the best local times in the store time zone across the DST change', async () => {
    const { engine } = await startPlanningWorld({ start: '2026-03-26T06:00:00Z' });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 6,
      postsPerDay: 2,
      channels: ['x'],
    });
    const local = plan.posts.map((post) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(post.scheduledAt!)),
    );
    // Thu, Fri (weekday slots 09:00/12:00), Sat, Sun (weekend 10:00/13:00, DST starts Sunday), Mon, Tue.
    expect(local).toEqual([
      'Thu 09:00',
      'Thu 12:00',
      'Fri 09:00',
      'Fri 12:00',
      'Sat 10:00',
      'Sat 13:00',
      'Sun 10:00',
      'Sun 13:00',
      'Mon 09:00',
      'Mon 12:00',
      'Tue 09:00',
      'Tue 12:00',
    ]);
    expect(plan.posts[0]?.scheduledAt).toBe('2026-03-26T08:00:00.000Z');
    expect(plan.posts.at(-1)?.scheduledAt).toBe('2026-03-31T10:00:00.000Z');
  });

  it('keeps the gap from posts already scheduled on the account', async () => {
    const { engine } = await startPlanningWorld({ engine: { mode: 'autopilot' } });
    const first = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x'],
      startDate: '2026-03-03',
    });
    const second = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x'],
      startDate: '2026-03-03',
    });
    const times = [...first.posts, ...second.posts]
      .map((post) => Date.parse(post.scheduledAt!))
      .sort((a, b) => a - b);
    for (let index = 1; index < times.length; index++)
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(HOUR);
    expect(second.posts.map((post) => post.scheduledAt)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-03T12:00:00.000Z',
    ]);
  });

  it('never schedules a post sooner than the lead time', async () => {
    const { engine, clock } = await startPlanningWorld({ start: '2026-03-02T10:59:00Z' });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x'],
    });
    // 09:00 Paris has passed and 12:00 Paris is one minute away: both move to ten minutes from now and after.
    expect(Date.parse(plan.posts[0]!.scheduledAt!)).toBeGreaterThanOrEqual(
      clock.now().getTime() + 10 * 60_000,
    );
  });
});
