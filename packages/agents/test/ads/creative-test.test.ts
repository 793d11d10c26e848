import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VALUE_PRIORS,
  estimateConversionValue,
  probabilityBest,
  reportingCompletion,
  selectCreatives,
} from '../../src/ads/index';
import { accountFixture } from './account-fixture';

const COMPLETE = reportingCompletion(undefined);

describe('the creative test', () => {
  it('declares a winner on A/A data in at most 5 % of campaigns despite a look every day for 30 days', () => {
    let campaigns = 0;
    let falseWinners = 0;
    for (let account = 0; account < 25; account += 1) {
      const specs = Array.from({ length: 8 }, (_, index) => {
        const ctr = 0.006 + 0.001 * index;
        const cvr = 0.02 + 0.003 * ((index * 5) % 8);
        return { budgets: 12_500, ctr: [ctr, ctr, ctr], cvr: [cvr, cvr, cvr] };
      });
      const concluded = new Set<string>();
      for (let day = 1; day <= 30; day += 1) {
        const snapshot = accountFixture({ campaigns: specs, slots: day * 4, seed: 1_000 + account });
        const values = estimateConversionValue(snapshot, COMPLETE, DEFAULT_VALUE_PRIORS);
        for (const [id, value] of values.campaigns) {
          if (selectCreatives(value.creatives).some((verdict) => verdict.verdict === 'winner'))
            concluded.add(id);
        }
      }
      campaigns += specs.length;
      falseWinners += concluded.size;
    }
    expect(campaigns).toBe(200);
    expect(falseWinners / campaigns).toBeLessThanOrEqual(0.05);
  });

  it('picks the creative with the most conversion value per impression, not the highest CTR', () => {
    const snapshot = accountFixture({
      campaigns: [{ budgets: 100_000, ctr: [0.02, 0.012, 0.01], cvr: [0.01, 0.05, 0.02] }],
      slots: 80,
      seed: 5,
    });
    const value = estimateConversionValue(snapshot, COMPLETE, DEFAULT_VALUE_PRIORS).campaigns.get(
      'campaign-0',
    )!;
    const verdicts = selectCreatives(value.creatives);
    expect(verdicts[1]).toMatchObject({ role: 'leader', verdict: 'winner' });
    expect(verdicts[0]?.verdict).toBe('loser');
    expect(verdicts[1]!.share).toBeCloseTo(0.98);
    expect(verdicts.reduce((sum, verdict) => sum + verdict.share, 0)).toBeCloseTo(1);
  });

  it('keeps every plausible best creative at 20 % or more while the test runs, and pauses none', () => {
    const snapshot = accountFixture({
      campaigns: [{ budgets: 10_000, ctr: [0.01, 0.0105, 0.004], cvr: [0.03, 0.03, 0.03] }],
      slots: 16,
      seed: 9,
    });
    const value = estimateConversionValue(snapshot, COMPLETE, DEFAULT_VALUE_PRIORS).campaigns.get(
      'campaign-0',
    )!;
    const verdicts = selectCreatives(value.creatives);
    expect(verdicts.every((verdict) => verdict.verdict === 'undecided')).toBe(true);
    for (const verdict of verdicts) {
      expect(verdict.share).toBeGreaterThan(0);
      if (verdict.probabilityBest >= 0.15) expect(verdict.share).toBeGreaterThanOrEqual(0.2);
    }
  });

  it('computes P(best) that sums to one and is symmetric', () => {
    const probabilities = probabilityBest([0, 0, 0.5], [0.2, 0.2, 0.2]);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(probabilities[0]).toBeCloseTo(probabilities[1]!, 6);
    expect(probabilities[2]).toBeGreaterThan(0.9);
    expect(probabilityBest([1, 1, 1], [0.3, 0.3, 0.3]).map((p) => Math.round(p * 1e4) / 1e4)).toEqual([
      0.3333, 0.3333, 0.3333,
    ]);
  });
});
