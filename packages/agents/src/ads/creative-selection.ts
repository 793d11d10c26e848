import type { CreativeValue } from './conversion-value';

/** How creative shares follow the creative test. */
export interface CreativeSelectionSettings {
  /** Share every creative keeps while it may still be the best (default 0.2). */
  readonly contenderShare: number;
  /** Share of a creative the test has ruled out; above 0 so it is not a pause (default 0.02). */
  readonly loserShare: number;
  /** A creative is ruled out once its probability of being the best falls below this (default 0.05). */
  readonly minProbabilityBest: number;
  /** Minimum spend (minor units) of a creative before it can be ruled out (default 5 000). */
  readonly minSpendMinor: number;
}

/** Default {@link CreativeSelectionSettings}: P(best) ≥ 0.95 to rule the others out. */
export const DEFAULT_CREATIVE_SELECTION: CreativeSelectionSettings = {
  contenderShare: 0.2,
  loserShare: 0.01,
  minProbabilityBest: 0.15,
  minSpendMinor: 5_000,
};

/** The creative test's verdict on one creative. */
export interface CreativeVerdict {
  readonly id: string;
  /** Posterior probability that this creative has the highest conversion value per impression. */
  readonly probabilityBest: number;
  readonly status: 'leader' | 'contender' | 'ruled_out';
  readonly share: number;
}

/**
 * The Bayesian creative test and the shares that follow from it. Creatives are judged on conversion value
 * per impression (CTR × CVR, both shrunk toward the campaign), never on CTR alone. A creative is ruled
 * out only when P(it is the best) < `minProbabilityBest` and it has spent `minSpendMinor`; ruled-out
 * creatives keep `loserShare` (a pause would restart the platform's learning), every other non-leader
 * keeps `contenderShare`, and the leader (highest posterior mean) takes the rest.
 */
export function selectCreatives(
  creatives: readonly CreativeValue[],
  settings: CreativeSelectionSettings = DEFAULT_CREATIVE_SELECTION,
): CreativeVerdict[] {
  const probabilities = probabilityBest(
    creatives.map((creative) => Math.log(creative.relativeValue)),
    creatives.map((creative) => creative.relativeLogSd),
  );
  let leader = 0;
  creatives.forEach((creative, index) => {
    if (creative.relativeValue > creatives[leader]!.relativeValue) leader = index;
  });
  const shares = creatives.map((creative, index) => {
    if (index === leader) return 0;
    const ruledOut = probabilities[index]! < settings.minProbabilityBest && creative.spendMinor >= settings.minSpendMinor;
    return ruledOut ? settings.loserShare : settings.contenderShare;
  });
  const others = shares.reduce((sum, share) => sum + share, 0);
  if (others >= 1) {
    return creatives.map((creative, index) => ({
      id: creative.id,
      probabilityBest: probabilities[index]!,
      status: index === leader ? 'leader' : 'contender',
      share: 1 / creatives.length,
    }));
  }
  shares[leader] = 1 - others;
  return creatives.map((creative, index) => ({
    id: creative.id,
    probabilityBest: probabilities[index]!,
    status: index === leader ? 'leader' : shares[index] === settings.loserShare ? 'ruled_out' : 'contender',
    share: shares[index]!,
  }));
}

/**
 * P(X_k is the largest) for independent X_k ~ N(means[k], sds[k]²): a one-dimensional integral per k,
 * ∫ φ(z) Π_{j≠k} Φ((μ_k + σ_k z − μ_j)/σ_j) dz, by Simpson's rule on z ∈ [−8, 8]. Deterministic.
 */
export function probabilityBest(means: readonly number[], sds: readonly number[]): number[] {
  const count = means.length;
  if (count === 1) return [1];
  const steps = 160;
  const width = 16 / steps;
  const result = new Array<number>(count).fill(0);
  for (let k = 0; k < count; k += 1) {
    let integral = 0;
    for (let step = 0; step <= steps; step += 1) {
      const z = -8 + step * width;
      const x = means[k]! + sds[k]! * z;
      let product = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      for (let j = 0; j < count && product > 0; j += 1) {
        if (j !== k) product *= standardNormalCdf((x - means[j]!) / sds[j]!);
      }
      const weight = step === 0 || step === steps ? 1 : step % 2 === 1 ? 4 : 2;
      integral += weight * product;
    }
    result[k] = (integral * width) / 3;
  }
  const total = result.reduce((sum, value) => sum + value, 0);
  return result.map((value) => value / total);
}

/** Φ(z), the standard Normal CDF (Abramowitz–Stegun 7.1.26; absolute error below 1.5e-7). */
export function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
