import type { CampaignSnapshot } from './account-snapshot';

/** Prior belief about where a campaign's delivery saturates, relative to its launch budget. */
export interface SaturationPrior {
  /** Median of the saturation scale S as a multiple of the launch budget (default 2). */
  readonly medianMultiple: number;
  /** Log standard deviation of S (default 0.7: a factor 2 either way is unremarkable). */
  readonly logSd: number;
}

/**
 * A campaign's delivery as a function of its daily budget b: impressions per day
 * I(b) = A·S·(1 − e^{−b/S}), averaged over a posterior on the saturation scale S. `A` is impressions per
 * unit of spend at low budgets, `S` (minor units per day) where diminishing returns set in. Daily
 * delivery noise is multiplicative and shared by the slots of a day.
 */
export interface DeliveryCurve {
  /** Expected impressions per day at daily budget `budgetMinor`. */
  impressions(budgetMinor: number): number;
  /** d impressions / d budget at `budgetMinor`. */
  marginalImpressions(budgetMinor: number): number;
  /** Relative standard deviation of `impressions(budgetMinor)` from the uncertainty on A and S. */
  relativeSd(budgetMinor: number): number;
  /** Posterior mean of S, minor units per day. */
  readonly saturationMinor: number;
  /** Days of delivery the curve was fitted on. */
  readonly days: number;
}

const GRID_POINTS = 25;
const GRID_HALF_WIDTH = 3;
/** Weak prior on the daily delivery noise: two pseudo-days at a log standard deviation of 0.2. */
const NOISE_PRIOR_DAYS = 2;
const NOISE_PRIOR_SD = 0.2;

/**
 * Fits the delivery curve of `campaign` from its daily impressions at the budgets it ran, on a grid of
 * saturation scales weighted by the prior; the impressions-per-spend level `A` and the noise level are
 * integrated out per grid point. With no delivery yet the curve is the prior.
 */
export function fitDeliveryCurve(
  campaign: CampaignSnapshot,
  slotMs: number,
  prior: SaturationPrior,
  dayMs = 86_400_000,
): DeliveryCurve {
  const launchBudget = campaign.history[0]?.dailyBudgetMinor || campaign.dailyBudget.amountMinor;
  const days = dailyDelivery(campaign, dayMs);
  const slotsPerDay = dayMs / slotMs;
  const centre = Math.log(prior.medianMultiple * launchBudget);
  const scales = new Float64Array(GRID_POINTS);
  const weights = new Float64Array(GRID_POINTS);
  const levels = new Float64Array(GRID_POINTS);
  const levelVariance = new Float64Array(GRID_POINTS);
  let best = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < GRID_POINTS; j += 1) {
    const z = -GRID_HALF_WIDTH + (2 * GRID_HALF_WIDTH * j) / (GRID_POINTS - 1);
    const scale = Math.exp(centre + z * prior.logSd);
    scales[j] = scale;
    let sum = 0;
    let sumSquares = 0;
    for (const day of days) {
      let expected = 0;
      for (const budget of day.budgets) expected += (scale * (1 - Math.exp(-budget / scale))) / slotsPerDay;
      const residual = Math.log(day.impressions / expected);
      sum += residual;
      sumSquares += residual * residual;
    }
    const n = days.length;
    const mean = n > 0 ? sum / n : 0;
    const rss = n > 0 ? sumSquares - n * mean * mean : 0;
    const noise = (rss + NOISE_PRIOR_DAYS * NOISE_PRIOR_SD ** 2) / Math.max(1, n - 1 + NOISE_PRIOR_DAYS);
    levels[j] = n > 0 ? Math.exp(mean + noise / 2) : 0;
    levelVariance[j] = n > 0 ? noise / n : 0;
    const logLikelihood =
      n > 1 ? (-(n - 1 + NOISE_PRIOR_DAYS) / 2) * Math.log(rss + NOISE_PRIOR_DAYS * NOISE_PRIOR_SD ** 2) : 0;
    weights[j] = -0.5 * z * z + logLikelihood;
    best = Math.max(best, weights[j]!);
  }
  let total = 0;
  for (let j = 0; j < GRID_POINTS; j += 1) {
    weights[j] = Math.exp(weights[j]! - best);
    total += weights[j]!;
  }
  let saturation = 0;
  for (let j = 0; j < GRID_POINTS; j += 1) {
    weights[j] = weights[j]! / total;
    saturation += weights[j]! * scales[j]!;
  }
  const curve = (budget: number, derivative: boolean): { mean: number; second: number } => {
    let mean = 0;
    let second = 0;
    for (let j = 0; j < GRID_POINTS; j += 1) {
      const w = weights[j]!;
      if (w < 1e-9) continue;
      const s = scales[j]!;
      const value = derivative
        ? levels[j]! * Math.exp(-budget / s)
        : levels[j]! * s * (1 - Math.exp(-budget / s));
      mean += w * value;
      second += w * value * value * Math.exp(levelVariance[j]!);
    }
    return { mean, second };
  };
  return {
    impressions: (budget) => curve(budget, false).mean,
    marginalImpressions: (budget) => curve(budget, true).mean,
    relativeSd(budget) {
      const { mean, second } = curve(budget, false);
      return mean > 0 ? Math.sqrt(Math.max(0, second / (mean * mean) - 1)) : 1;
    },
    saturationMinor: saturation,
    days: days.length,
  };
}

interface DailyDelivery {
  readonly impressions: number;
  /** Daily budget of each delivered slot of the day. */
  readonly budgets: number[];
}

/** Groups delivered slots into days since launch (delivery noise is shared within a day). */
function dailyDelivery(campaign: CampaignSnapshot, dayMs: number): DailyDelivery[] {
  const byDay = new Map<number, { impressions: number; budgets: number[] }>();
  campaign.history.forEach((slot, index) => {
    if (slot.dailyBudgetMinor <= 0) return;
    let impressions = 0;
    for (const creative of campaign.creatives) impressions += creative.slots[index]?.impressions ?? 0;
    const day = Math.floor((slot.start - campaign.launchedAt) / dayMs);
    const entry = byDay.get(day) ?? { impressions: 0, budgets: [] };
    entry.impressions += impressions;
    entry.budgets.push(slot.dailyBudgetMinor);
    byDay.set(day, entry);
  });
  return [...byDay.values()].filter((day) => day.impressions > 0);
}
