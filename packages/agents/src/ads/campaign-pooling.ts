import { logGamma } from './seeded-random';

/** One campaign's conversion evidence: (discounted) conversions against (delay-corrected) clicks. */
export interface RateEvidence {
  readonly conversions: number;
  readonly exposure: number;
}

/** One campaign's order-value evidence: log of its average order value and the number of orders behind it. */
export interface OrderValueEvidence {
  readonly logAverage: number;
  readonly orders: number;
}

/** The account-level prior the campaigns are shrunk toward, as estimated from all of them. */
export interface PooledPrior {
  /** Centre of the campaigns' distribution (a rate, or a log order value). */
  readonly centre: number;
  /** Estimated log standard deviation between campaigns. */
  readonly logSd: number;
}

/**
 * Empirical-Bayes prior of campaign conversion rates: cvr_i ~ Gamma with mean `centre` and log spread
 * `logSd`, fitted by maximising the Negative-Binomial marginal likelihood of every campaign's
 * conversions given its exposure, with a log-normal hyperprior on the spread centred on `priorLogSd`
 * (one-half log unit wide) so a young account keeps the configured spread. Unlike a pooled ratio, the
 * centre is not dominated by the campaigns that got the most budget: a starved campaign is shrunk
 * toward the typical campaign, not toward the best-funded ones.
 */
export function poolConversionRates(evidence: readonly RateEvidence[], priorLogSd: number): PooledPrior {
  const usable = evidence.filter((campaign) => campaign.exposure > 0);
  let conversions = 0;
  let exposure = 0;
  for (const campaign of usable) {
    conversions += campaign.conversions;
    exposure += campaign.exposure;
  }
  const raw = exposure > 0 ? conversions / exposure : 0;
  if (usable.length < 2 || conversions <= 0) return { centre: raw, logSd: priorLogSd };
  let best = { centre: raw, logSd: priorLogSd, score: Number.NEGATIVE_INFINITY };
  for (const logSd of SPREAD_GRID) {
    const shape = gammaShapeFor(logSd);
    const centre = rateCentre(usable, shape, raw);
    let score = spreadHyperprior(logSd, priorLogSd);
    for (const { conversions: n, exposure: e } of usable) {
      const mean = centre * e;
      score +=
        logGamma(shape + n) -
        logGamma(shape) +
        shape * Math.log(shape / (shape + mean)) +
        n * Math.log(mean / (shape + mean));
    }
    if (score > best.score) best = { centre, logSd, score };
  }
  return { centre: best.centre, logSd: best.logSd };
}

/**
 * Empirical-Bayes prior of campaign average order values on the log scale: log aov_i ~ N(centre, logSd²),
 * each campaign's observed log average carrying sampling variance cv²/orders; fitted by maximum marginal
 * likelihood with the same hyperprior on the spread as {@link poolConversionRates}.
 */
export function poolOrderValues(
  evidence: readonly OrderValueEvidence[],
  priorLogSd: number,
  orderValueCv: number,
): PooledPrior {
  const usable = evidence.filter((campaign) => campaign.orders > 0 && Number.isFinite(campaign.logAverage));
  if (usable.length === 0) return { centre: Number.NaN, logSd: priorLogSd };
  let best = { centre: usable[0]!.logAverage, logSd: priorLogSd, score: Number.NEGATIVE_INFINITY };
  for (const logSd of SPREAD_GRID) {
    let weighted = 0;
    let precision = 0;
    for (const campaign of usable) {
      const weight = 1 / (logSd * logSd + orderValueCv ** 2 / campaign.orders);
      weighted += weight * campaign.logAverage;
      precision += weight;
    }
    const centre = weighted / precision;
    let score = spreadHyperprior(logSd, priorLogSd);
    for (const campaign of usable) {
      const variance = logSd * logSd + orderValueCv ** 2 / campaign.orders;
      score += -0.5 * Math.log(variance) - (0.5 * (campaign.logAverage - centre) ** 2) / variance;
    }
    if (score > best.score) best = { centre, logSd, score };
  }
  return { centre: best.centre, logSd: best.logSd };
}

/** Gamma shape whose log has standard deviation about `logSd` (shape ≈ 1/(e^{σ²} − 1)). */
export function gammaShapeFor(logSd: number): number {
  return 1 / Math.expm1(logSd * logSd);
}

/** Candidate spreads between campaigns: 0.08 to 1.6 log units, geometrically spaced. */
const SPREAD_GRID = Array.from({ length: 31 }, (_, index) => 0.08 * 20 ** (index / 30));
const HYPERPRIOR_LOG_SD = 0.5;

function spreadHyperprior(logSd: number, priorLogSd: number): number {
  return -0.5 * (Math.log(logSd / priorLogSd) / HYPERPRIOR_LOG_SD) ** 2;
}

/** The maximum-likelihood Gamma mean for a fixed shape: the root of Σ (n_i − μ e_i)/(α + μ e_i) = 0. */
function rateCentre(evidence: readonly RateEvidence[], shape: number, start: number): number {
  const score = (centre: number): number => {
    let total = 0;
    for (const { conversions, exposure } of evidence)
      total += (conversions - centre * exposure) / (shape + centre * exposure);
    return total;
  };
  let low = Math.log(start) - 6;
  let high = Math.log(start) + 6;
  for (let step = 0; step < 50; step += 1) {
    const middle = (low + high) / 2;
    if (score(Math.exp(middle)) > 0) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}
