import { describe, expect, it } from 'vitest';
import {
  type AdsPolicy,
  bayesianAllocationPolicy,
  createSeededRandom,
  resolveGuardrailSettings,
  seedRulesPolicy,
} from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const guardrails = resolveGuardrailSettings(usdGuardrails(100_000));

function campaigns() {
  return [
    { budgets: 25_000, ctr: [0.01, 0.014, 0.008], cvr: [0.03, 0.02, 0.04] },
    { budgets: 25_000, ctr: [0.012, 0.012, 0.012], cvr: [0.05, 0.05, 0.05] },
    { budgets: 25_000, ctr: [0.006, 0.009, 0.007], cvr: [0.02, 0.02, 0.03] },
    { budgets: 25_000, ctr: [0.011, 0.01, 0.013], cvr: [0.03, 0.035, 0.025] },
  ];
}

/** Runs `policy` over days 1–6 of a fixed account, carrying its memory, and returns every decision. */
function replay<M>(policy: AdsPolicy<M>, seed: number) {
  let memory: M | undefined;
  const decisions: unknown[] = [];
  for (let slots = 4; slots <= 24; slots += 1) {
    const snapshot = accountFixture({ campaigns: campaigns(), slots, seed });
    const decision = policy.decide({ snapshot, guardrails, memory });
    memory = decision.memory;
    decisions.push(decision.proposals);
  }
  return { decisions, memory };
}

describe('decisions are reproducible', () => {
  it('gives identical proposals and memory for identical inputs (bayesianAllocationPolicy)', () => {
    const first = replay(bayesianAllocationPolicy(), 11);
    const second = replay(bayesianAllocationPolicy(), 11);
    expect(second).toEqual(first);
    expect(first.decisions.some((proposals) => (proposals as unknown[]).length > 0)).toBe(true);
  });

  it('gives identical proposals for identical inputs (seedRulesPolicy)', () => {
    expect(replay(seedRulesPolicy(), 11)).toEqual(replay(seedRulesPolicy(), 11));
  });

  it('decides differently when the data differ', () => {
    expect(replay(bayesianAllocationPolicy(), 12).decisions).not.toEqual(
      replay(bayesianAllocationPolicy(), 11).decisions,
    );
  });
});

describe('createSeededRandom', () => {
  it('repeats a stream for the same seed and stream, and differs across streams', () => {
    const draw = (seed: number, stream: number) => {
      const random = createSeededRandom(seed, stream);
      return Array.from({ length: 5 }, () => random.uniform());
    };
    expect(draw(3, 0)).toEqual(draw(3, 0));
    expect(draw(3, 1)).not.toEqual(draw(3, 0));
    expect(draw(4, 0)).not.toEqual(draw(3, 0));
  });

  it.each([
    ['Poisson by inversion', (r: ReturnType<typeof createSeededRandom>) => r.poisson(3.5), 3.5, 3.5],
    ['Poisson by PTRS', (r: ReturnType<typeof createSeededRandom>) => r.poisson(700), 700, 700],
    ['Binomial by inversion', (r: ReturnType<typeof createSeededRandom>) => r.binomial(700, 0.01), 7, 6.93],
    ['Binomial by BTRS', (r: ReturnType<typeof createSeededRandom>) => r.binomial(5_000, 0.02), 100, 98],
    ['Normal', (r: ReturnType<typeof createSeededRandom>) => r.normal(2, 3), 2, 9],
  ])('draws %s with the right mean and variance', (_, draw, mean, variance) => {
    const random = createSeededRandom(2024);
    const n = 40_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i += 1) {
      const x = draw(random);
      sum += x;
      squares += x * x;
    }
    const sampleMean = sum / n;
    const sampleVariance = squares / n - sampleMean ** 2;
    expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(sampleVariance / variance).toBeGreaterThan(0.95);
    expect(sampleVariance / variance).toBeLessThan(1.05);
  });
});
