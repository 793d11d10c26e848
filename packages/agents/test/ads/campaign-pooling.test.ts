import { describe, expect, it } from 'vitest';
import { createSeededRandom, poolConversionRates, poolOrderValues } from '../../src/ads/index';

describe('empirical-Bayes pooling across campaigns', () => {
  it('centres conversion rates on the typical campaign, not on the best-funded one', () => {
    // One heavily funded campaign at 6 %, seven starved ones at 2 %: the pooled ratio is near 5 %.
    const evidence = [
      { conversions: 600, exposure: 10_000 },
      ...Array.from({ length: 7 }, () => ({ conversions: 20, exposure: 1_000 })),
    ];
    const pooledRatio = 740 / 17_000;
    const prior = poolConversionRates(evidence, 0.5);
    expect(pooledRatio).toBeGreaterThan(0.04);
    expect(prior.centre).toBeLessThan(0.03);
    expect(prior.centre).toBeGreaterThan(0.02);
  });

  it('recovers the spread of conversion rates between many well-measured campaigns', () => {
    const random = createSeededRandom(11);
    const evidence = Array.from({ length: 60 }, () => {
      const exposure = 20_000;
      return { conversions: random.poisson(0.03 * Math.exp(0.4 * random.normal()) * exposure), exposure };
    });
    const prior = poolConversionRates(evidence, 0.8);
    expect(prior.logSd).toBeGreaterThan(0.3);
    expect(prior.logSd).toBeLessThan(0.55);
    expect(prior.centre).toBeGreaterThan(0.025);
    expect(prior.centre).toBeLessThan(0.036);
  });

  it('keeps the configured spread when there is no evidence to estimate it', () => {
    expect(poolConversionRates([{ conversions: 3, exposure: 100 }], 0.5)).toEqual({
      centre: 0.03,
      logSd: 0.5,
    });
    expect(poolOrderValues([], 0.4, 0.6).logSd).toBe(0.4);
  });

  it('weights campaigns by precision and shrinks the spread of noisy order values', () => {
    // Identical true order values; the scatter comes only from few orders per campaign.
    const random = createSeededRandom(5);
    const evidence = Array.from({ length: 40 }, () => {
      const orders = 4;
      let total = 0;
      for (let index = 0; index < orders; index += 1) total += 80 * Math.exp(random.normal(-0.125, 0.5));
      return { logAverage: Math.log(total / orders), orders };
    });
    const prior = poolOrderValues(evidence, 0.4, 0.53);
    expect(prior.logSd).toBeLessThan(0.2);
    expect(Math.exp(prior.centre)).toBeGreaterThan(70);
    expect(Math.exp(prior.centre)).toBeLessThan(90);
  });
});
