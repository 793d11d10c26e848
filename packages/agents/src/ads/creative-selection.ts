import type { CreativeValue } from './conversion-value';

/** How the creative test decides and how shares follow it. */
export interface CreativeSelectionSettings {
  /** The test declares a winner once its posterior probability of being the best reaches this (default 0.95). */
  readonly winnerProbability: number;
  /** Minimum spend (minor units) of every creative before the test may conclude (default 5 000). */
  readonly minSpendMinor: number;
  /** Share every creative keeps while it may plausibly be the best (default 0.2). */
  readonly contenderShare: number;
  /** A creative stays a contender while P(it is the best) ≥ this (default 0.15). */
  readonly contenderProbability: number;
  /** Share of a creative that is not a contender; above 0 so it is not a pause (default 0.01). */
  readonly loserShare: number;
}

/** Default {@link CreativeSelectionSettings}. */
export const DEFAULT_CREATIVE_SELECTION: CreativeSelectionSettings = {
  winnerProbability: 0.95,
  minSpendMinor: 5_000,
  contenderShare: 0.2,
  contenderProbability: 0.15,
  loserShare: 0.01,
};

/** The creative test's view of one creative and the share it gets. */
export interface CreativeVerdict {
  readonly id: string;
  /** Posterior probability that this creative has the highest conversion value per impression. */
  readonly probabilityBest: number;
  /**
   * The test's verdict: `winner` once P(best) ≥ `winnerProbability` with every creative past the minimum
   * spend (the others are then `loser`), `undecided` before.
   */
  readonly verdict: 'winner' | 'loser' | 'undecided';
  /** `leader` (highest posterior mean), `contender` (still plausibly best) or `trailing`. */
  readonly role: 'leader' | 'contender' | 'trailing';
  readonly share: number;
}

/**
 * The Bayesian creative test and the delivery shares that follow from it. Creatives are judged on
 * conversion value per impression (CTR × CVR, each shrunk toward the campaign), never on CTR alone.
 *
 * - Test: a winner is declared only when P(best) ≥ `winnerProbability` (0.95) and every creative has
 *   spent `minSpendMinor`; on identical creatives this rarely happens, even with a look every day.
 * - Shares (Bayesian exploitation while the test runs): the leader (highest posterior mean) takes most
 *   delivery, every other creative with P(best) ≥ `contenderProbability` keeps `contenderShare`, the rest
 *   keep `loserShare`. Nobody is paused: a share moving to or from 0 restarts the platform's learning.
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
  const enoughEvidence = creatives.every((creative) => creative.spendMinor >= settings.minSpendMinor);
  const winner = probabilities.findIndex((probability) => probability >= settings.winnerProbability);
  const concluded = enoughEvidence && winner >= 0;
  const contender = creatives.map(
    (_, index) => index !== leader && probabilities[index]! >= settings.contenderProbability && !concluded,
  );
  const shares = creatives.map((_, index) =>
    index === leader ? 0 : contender[index] ? settings.contenderShare : settings.loserShare,
  );
  const others = shares.reduce((sum, share) => sum + share, 0);
  if (others >= 1) shares.fill(1 / creatives.length);
  else shares[leader] = 1 - others;
  return creatives.map((creative, index) => ({
    id: creative.id,
    probabilityBest: probabilities[index]!,
    verdict: concluded ? (index === winner ? 'winner' : 'loser') : 'undecided',
    role: index === leader ? 'leader' : contender[index] ? 'contender' : 'trailing',
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
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
