import { money } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import {
  type AdsAccountSnapshot,
  allocateBudgets,
  bayesianAllocationPolicy,
  createSeededRandom,
  DEFAULT_SLOT_MS,
  observeReportingDelay,
  type ReportingDelayMemory,
  reportingCompletion,
  resolveGuardrailSettings,
  seedRulesPolicy,
} from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const guardrails = resolveGuardrailSettings(usdGuardrails(100_000));

describe('revenue forecasts', () => {
  const snapshot = accountFixture({
    campaigns: [
      {
        budgets: [...new Array<number>(28).fill(20_000), ...new Array<number>(28).fill(24_000)],
        ctr: [0.01, 0.012, 0.011],
        cvr: [0.04, 0.04, 0.04],
      },
      { budgets: 20_000, ctr: [0.009, 0.01, 0.011], cvr: [0.03, 0.03, 0.03] },
    ],
    slots: 56,
    seed: 3,
  });

  it('shows diminishing returns with an 80 % interval around the estimate that widens away from today', () => {
    const policy = bayesianAllocationPolicy();
    const forecasts = policy.forecast(
      { snapshot, guardrails, memory: undefined },
      { campaignId: 'campaign-0', multipliers: [0.5, 1, 2, 3] },
    );
    expect(forecasts.map((forecast) => forecast.dailyBudgetMinor)).toEqual([12_000, 24_000, 48_000, 72_000]);
    for (const forecast of forecasts) {
      expect(forecast.horizonDays).toBe(7);
      expect(forecast.revenueLowMinor!).toBeLessThan(forecast.revenueMinor);
      expect(forecast.revenueHighMinor!).toBeGreaterThan(forecast.revenueMinor);
      expect(forecast.conversionsLow!).toBeLessThan(forecast.conversions);
    }
    const [half, one, two, three] = forecasts.map((forecast) => forecast.revenueMinor);
    expect(one!).toBeGreaterThan(half!);
    expect(two!).toBeLessThan(2 * one!);
    expect(three! - two!).toBeLessThan(two! - one!);
    const width = (index: number) => forecasts[index]!.revenueHighMinor! / forecasts[index]!.revenueLowMinor!;
    expect(width(3)).toBeGreaterThanOrEqual(width(1));
  });

  it("reproduces the seed's forecast: linear to 2× and half as steep beyond", () => {
    const [one, two, three] = seedRulesPolicy().forecast(
      { snapshot, guardrails, memory: null },
      { campaignId: 'campaign-1', multipliers: [1, 2, 3] },
    );
    expect(two!.revenueMinor).toBeCloseTo(2 * one!.revenueMinor, -1);
    expect(three!.revenueMinor).toBeCloseTo(2.5 * one!.revenueMinor, -1);
    expect(one!.revenueLowMinor).toBeUndefined();
  });
});

describe('allocateBudgets', () => {
  const curve = (slope: number, scale: number) => ({
    revenue: (b: number) => slope * scale * (1 - Math.exp(-b / scale)),
    marginalRoas: (b: number) => slope * Math.exp(-b / scale),
  });

  it('equalises marginal ROAS across campaigns within their ranges and the cap', () => {
    const allocation = allocateBudgets(
      [
        { campaignId: 'a', ...curve(3, 25_000), currentMinor: 25_000, minMinor: 1_000, maxMinor: 1_000_000 },
        { campaignId: 'b', ...curve(2, 25_000), currentMinor: 25_000, minMinor: 1_000, maxMinor: 1_000_000 },
        { campaignId: 'c', ...curve(4, 25_000), currentMinor: 25_000, minMinor: 1_000, maxMinor: 20_000 },
      ],
      60_000,
    );
    const a = allocation.budgets.get('a')!;
    const b = allocation.budgets.get('b')!;
    expect(allocation.budgets.get('c')).toBe(20_000);
    expect(a + b + 20_000).toBeLessThanOrEqual(60_000);
    expect(a + b + 20_000).toBeGreaterThan(59_990);
    expect(3 * Math.exp(-a / 25_000)).toBeCloseTo(allocation.waterLevel, 2);
    expect(2 * Math.exp(-b / 25_000)).toBeCloseTo(allocation.waterLevel, 2);
  });

  it('spends less than the cap when the last unit would not pay back (λ = 1)', () => {
    const allocation = allocateBudgets(
      [{ campaignId: 'a', ...curve(2, 10_000), currentMinor: 5_000, minMinor: 1_000, maxMinor: 1_000_000 }],
      100_000,
    );
    expect(allocation.waterLevel).toBe(1);
    expect(allocation.budgets.get('a')).toBe(Math.floor(10_000 * Math.log(2)));
  });
});

describe('reporting delay', () => {
  it('learns the completion curve of delayed conversion reports (chain ladder)', () => {
    const random = createSeededRandom(8);
    const reportAt: number[][] = [];
    let memory: ReportingDelayMemory | undefined;
    for (let now = 1; now <= 100; now += 1) {
      const slot = now - 1;
      reportAt[slot] = Array.from({ length: 40 }, () => {
        let delay = 0;
        while (random.uniform() > 0.4 && delay < 27) delay += 1;
        return slot + 1 + delay;
      });
      const slots = reportAt.map((reports, start) => ({
        start: start * DEFAULT_SLOT_MS,
        share: 1,
        spendMinor: 100,
        impressions: 1_000,
        clicks: 40,
        conversions: reports.filter((at) => at <= now).length,
        revenueMinor: 0,
      }));
      const snapshot: AdsAccountSnapshot = {
        storeId: 's',
        currency: 'USD',
        now: now * DEFAULT_SLOT_MS,
        slotMs: DEFAULT_SLOT_MS,
        lifetimeSpent: money(0, 'USD'),
        campaigns: [
          {
            id: 'c',
            platform: 'meta',
            status: 'active',
            dailyBudget: money(400, 'USD'),
            learning: false,
            launchedAt: 0,
            history: slots.map((s) => ({ start: s.start, dailyBudgetMinor: 400, learning: false })),
            creatives: [{ id: 'k', share: 1, slots }],
          },
        ],
      };
      memory = observeReportingDelay(memory, snapshot);
    }
    const completion = reportingCompletion(memory);
    expect(completion[1]).toBeGreaterThan(0.33);
    expect(completion[1]).toBeLessThan(0.47);
    expect(completion[4]).toBeGreaterThan(0.82);
    expect(completion[4]).toBeLessThan(0.92);
    expect(completion[20]).toBeGreaterThan(0.99);
  });
});
