import type { AdsAccountSnapshot, CampaignSnapshot } from './account-snapshot';
import { poolConversionRates, poolOrderValues } from './campaign-pooling';
import { completionAt } from './reporting-delay';

/**
 * Prior beliefs of the conversion-value model, as log standard deviations of multiplicative effects.
 * They only say how different campaigns and creatives usually are; every centre is estimated from the
 * account's own data (empirical Bayes).
 */
export interface ValuePriors {
  /**
   * Spread of conversion rates between campaigns (default 0.5): the centre of the hyperprior; the spread
   * actually used is estimated from the account's campaigns (`poolConversionRates`).
   */
  readonly campaignCvrLogSd: number;
  /** Spread of click-through rates between creatives of one campaign (default 0.3). */
  readonly creativeCtrLogSd: number;
  /** Spread of conversion rates between creatives of one campaign (default 0.3). */
  readonly creativeCvrLogSd: number;
  /** Spread of average order values between campaigns (default 0.4), the hyperprior centre as above (`poolOrderValues`). */
  readonly campaignAovLogSd: number;
  /** Coefficient of variation of single order values (default 0.6). */
  readonly orderValueCv: number;
  /** Strength, in conversions, of the prior that the learning phase does not change conversion rates (default 20). */
  readonly learningPseudoConversions: number;
  /** Half-life of click-through evidence in days, so creative fatigue is tracked (default 10). */
  readonly ctrHalfLifeDays: number;
  /** Half-life of conversion and order-value evidence in days, so drifting conversion rates are tracked (default 30). */
  readonly conversionHalfLifeDays: number;
  /** The learning phase's conversion factor when known; estimated from the data when undefined. */
  readonly learningFactor?: number;
}

/** Default {@link ValuePriors}. */
export const DEFAULT_VALUE_PRIORS: ValuePriors = {
  campaignCvrLogSd: 0.5,
  creativeCtrLogSd: 0.25,
  creativeCvrLogSd: 0.2,
  campaignAovLogSd: 0.4,
  orderValueCv: 0.6,
  learningPseudoConversions: 20,
  ctrHalfLifeDays: 10,
  conversionHalfLifeDays: 30,
};

/** Posterior of one creative's conversion value per impression. */
export interface CreativeValue {
  readonly id: string;
  readonly share: number;
  /** Posterior mean click-through rate. */
  readonly ctr: number;
  /** Posterior mean of the creative's conversion rate relative to its campaign's. */
  readonly cvrFactor: number;
  /** Posterior mean and log standard deviation of the creative-specific part of its value per impression. */
  readonly relativeValue: number;
  readonly relativeLogSd: number;
  readonly spendMinor: number;
  readonly impressions: number;
}

/** Posterior of one campaign's conversion value per impression, pooled across its creatives. */
export interface CampaignValue {
  readonly campaignId: string;
  /** Posterior mean CTR × CVR × order value of the campaign's average creative, minor units per impression. */
  readonly baseValue: number;
  /** Log variance of `baseValue` (conversion rate and order value uncertainty). */
  readonly baseLogVariance: number;
  /** Posterior mean conversion rate per click (outside learning) and its Gamma shape. */
  readonly cvr: number;
  readonly cvrShape: number;
  /** Posterior mean order value, minor units. */
  readonly orderValueMinor: number;
  readonly creatives: readonly CreativeValue[];
  /** Reported totals so far (not discounted). */
  readonly spendMinor: number;
  readonly revenueMinor: number;
  readonly conversions: number;
}

/** The account-level result: campaign posteriors and the estimated learning-phase conversion factor. */
export interface AccountValue {
  /** Conversion rate during learning relative to outside it (1 until there is evidence). */
  readonly learningFactor: number;
  readonly campaigns: ReadonlyMap<string, CampaignValue>;
  /** False until the account has clicks and at least one reported conversion. */
  readonly informative: boolean;
}

/**
 * Estimates conversion value per impression for every campaign and creative: CTR from clicks, CVR from
 * reported conversions against delay-corrected clicks (each slot's clicks count by the share of its
 * conversions already reported), order value from reported revenue; each shrunk toward the account
 * (campaigns, toward an empirical-Bayes prior fitted across them) or the campaign (creatives) with
 * Gamma–Poisson and log-normal conjugate updates. Slots in
 * the platform's learning phase count at a pooled, estimated conversion factor.
 */
export function estimateConversionValue(
  snapshot: AdsAccountSnapshot,
  completion: Float64Array,
  priors: ValuePriors,
): AccountValue {
  const stats = snapshot.campaigns.map((campaign) =>
    campaignStatistics(snapshot, campaign, completion, priors),
  );
  const totals = {
    impressions: 0,
    clicks: 0,
    conversions: 0,
    exposure: 0,
    revenue: 0,
    revenueConversions: 0,
  };
  for (const campaign of stats) {
    for (const creative of campaign.creatives) {
      totals.impressions += creative.impressions;
      totals.clicks += creative.clicks;
      totals.conversions += creative.learningConversions + creative.conversions;
      totals.exposure += creative.learningExposure + creative.exposure;
      totals.revenue += creative.revenue;
      totals.revenueConversions += creative.revenueConversions;
    }
  }
  const informative = totals.clicks > 0 && totals.revenueConversions > 0 && totals.exposure > 0;
  const campaigns = new Map<string, CampaignValue>();
  if (!informative) return { learningFactor: 1, campaigns, informative };

  const ctrPool = totals.clicks / totals.impressions;
  const cvrShape = gammaShape(priors.campaignCvrLogSd);
  const rawCvrPool = totals.conversions / totals.exposure;
  const learningFactor =
    priors.learningFactor ??
    estimateLearningFactor(stats, rawCvrPool, cvrShape, priors.learningPseudoConversions);
  let pooledConversions = 0;
  let pooledExposure = 0;
  for (const campaign of stats) {
    for (const creative of campaign.creatives) {
      pooledConversions += creative.conversions + creative.learningConversions;
      pooledExposure += creative.exposure + learningFactor * creative.learningExposure;
    }
  }
  const campaignTotals = stats.map((campaign) => campaignTotalsOf(campaign, learningFactor));
  const cvrPrior = poolConversionRates(campaignTotals, priors.campaignCvrLogSd);
  const cvrPool = cvrPrior.centre > 0 ? cvrPrior.centre : pooledConversions / pooledExposure;
  const pooledCvrShape = gammaShape(cvrPrior.logSd);
  const aovPrior = poolOrderValues(
    campaignTotals.map((campaign) => ({
      logAverage: Math.log(campaign.revenue / campaign.revenueConversions),
      orders: campaign.revenueConversions,
    })),
    priors.campaignAovLogSd,
    priors.orderValueCv,
  );
  const aovPool = Number.isFinite(aovPrior.centre)
    ? Math.exp(aovPrior.centre)
    : totals.revenue / totals.revenueConversions;
  const ctrShape = gammaShape(priors.creativeCtrLogSd);
  const factorShape = gammaShape(priors.creativeCvrLogSd);
  const aovPriorPrecision = 1 / aovPrior.logSd ** 2;

  for (const campaign of stats) {
    let impressions = 0;
    let clicks = 0;
    let conversions = 0;
    let exposure = 0;
    let revenue = 0;
    let revenueConversions = 0;
    for (const creative of campaign.creatives) {
      impressions += creative.impressions;
      clicks += creative.clicks;
      conversions += creative.conversions + creative.learningConversions;
      exposure += creative.exposure + learningFactor * creative.learningExposure;
      revenue += creative.revenue;
      revenueConversions += creative.revenueConversions;
    }
    const ctr = (2 + clicks) / (2 / ctrPool + impressions);
    const shape = pooledCvrShape + conversions;
    const cvr = shape / (pooledCvrShape / cvrPool + exposure);
    const aovPrecision = revenueConversions / priors.orderValueCv ** 2;
    const aovWeight = aovPrecision / (aovPrecision + aovPriorPrecision);
    const aovSample = revenueConversions > 0 ? revenue / revenueConversions : aovPool;
    const orderValue = Math.exp(aovWeight * Math.log(aovSample) + (1 - aovWeight) * Math.log(aovPool));
    const creatives: CreativeValue[] = campaign.creatives.map((creative) => {
      const ctrPosterior = ctrShape + creative.clicks;
      const ctrFactor = ctrPosterior / (ctrShape + ctr * creative.impressions);
      const creativeExposure = creative.exposure + learningFactor * creative.learningExposure;
      const cvrPosterior = factorShape + creative.conversions + creative.learningConversions;
      const cvrFactor = cvrPosterior / (factorShape + cvr * creativeExposure);
      return {
        id: creative.id,
        share: creative.share,
        ctr: ctr * ctrFactor,
        cvrFactor,
        relativeValue: ctrFactor * cvrFactor,
        relativeLogSd: Math.sqrt(1 / ctrPosterior + 1 / cvrPosterior),
        spendMinor: creative.spend,
        impressions: creative.totalImpressions,
      };
    });
    campaigns.set(campaign.id, {
      campaignId: campaign.id,
      baseValue: ctr * cvr * orderValue,
      baseLogVariance: 1 / shape + 1 / (aovPrecision + aovPriorPrecision) + 1 / (2 + clicks),
      cvr,
      cvrShape: shape,
      orderValueMinor: orderValue,
      creatives,
      spendMinor: campaign.spend,
      revenueMinor: campaign.reportedRevenue,
      conversions: campaign.reportedConversions,
    });
  }
  return { learningFactor, campaigns, informative };
}

/** The campaign's expected value per impression when its creatives run at `shares` (same order). */
export function valuePerImpression(value: CampaignValue, shares: readonly number[]): number {
  let relative = 0;
  value.creatives.forEach((creative, index) => {
    relative += (shares[index] ?? 0) * creative.relativeValue;
  });
  return value.baseValue * relative;
}

/** Gamma shape whose log has standard deviation about `logSd` (shape ≈ 1/(e^{σ²} − 1)). */
function gammaShape(logSd: number): number {
  return 1 / Math.expm1(logSd * logSd);
}

interface CreativeStatistics {
  readonly id: string;
  readonly share: number;
  impressions: number;
  totalImpressions: number;
  clicks: number;
  spend: number;
  /** Delay-corrected clicks outside / inside learning, and the conversions reported from them. */
  exposure: number;
  conversions: number;
  learningExposure: number;
  learningConversions: number;
  revenue: number;
  revenueConversions: number;
}

interface CampaignStatistics {
  readonly id: string;
  readonly creatives: CreativeStatistics[];
  spend: number;
  reportedRevenue: number;
  reportedConversions: number;
}

function campaignStatistics(
  snapshot: AdsAccountSnapshot,
  campaign: CampaignSnapshot,
  completion: Float64Array,
  priors: ValuePriors,
): CampaignStatistics {
  const ctrHalfLifeMs = priors.ctrHalfLifeDays * 86_400_000;
  const conversionHalfLifeMs = priors.conversionHalfLifeDays * 86_400_000;
  const result: CampaignStatistics = {
    id: campaign.id,
    creatives: [],
    spend: 0,
    reportedRevenue: 0,
    reportedConversions: 0,
  };
  for (const creative of campaign.creatives) {
    const stats: CreativeStatistics = {
      id: creative.id,
      share: creative.share,
      impressions: 0,
      totalImpressions: 0,
      clicks: 0,
      spend: 0,
      exposure: 0,
      conversions: 0,
      learningExposure: 0,
      learningConversions: 0,
      revenue: 0,
      revenueConversions: 0,
    };
    creative.slots.forEach((slot, index) => {
      const age = snapshot.now - slot.start - snapshot.slotMs;
      const ctrWeight = 0.5 ** (Math.max(0, age) / ctrHalfLifeMs);
      const weight = 0.5 ** (Math.max(0, age) / conversionHalfLifeMs);
      const reported = completionAt(completion, snapshot.now, slot.start, snapshot.slotMs);
      stats.impressions += ctrWeight * slot.impressions;
      stats.totalImpressions += slot.impressions;
      stats.clicks += ctrWeight * slot.clicks;
      stats.spend += slot.spendMinor;
      if (campaign.history[index]?.learning) {
        stats.learningExposure += weight * slot.clicks * reported;
        stats.learningConversions += weight * slot.conversions;
      } else {
        stats.exposure += weight * slot.clicks * reported;
        stats.conversions += weight * slot.conversions;
      }
      stats.revenue += weight * slot.revenueMinor;
      stats.revenueConversions += weight * slot.conversions;
      result.spend += slot.spendMinor;
      result.reportedRevenue += slot.revenueMinor;
      result.reportedConversions += slot.conversions;
    });
    result.creatives.push(stats);
  }
  return result;
}

/**
 * Pooled ratio of conversions inside learning to those expected there at each campaign's shrunk
 * conversion rate outside learning, itself shrunk toward 1 by `pseudoConversions`.
 */
function estimateLearningFactor(
  stats: readonly CampaignStatistics[],
  cvrPool: number,
  cvrShape: number,
  pseudoConversions: number,
): number {
  let observed = 0;
  let expected = 0;
  for (const campaign of stats) {
    let outsideConversions = 0;
    let outsideExposure = 0;
    let insideConversions = 0;
    let insideExposure = 0;
    for (const creative of campaign.creatives) {
      outsideConversions += creative.conversions;
      outsideExposure += creative.exposure;
      insideConversions += creative.learningConversions;
      insideExposure += creative.learningExposure;
    }
    if (outsideExposure <= 0 || insideExposure <= 0) continue;
    const cvrOutside = (cvrShape + outsideConversions) / (cvrShape / cvrPool + outsideExposure);
    observed += insideConversions;
    expected += insideExposure * cvrOutside;
  }
  if (expected <= 0) return 1;
  return Math.min(1.5, Math.max(0.3, (pseudoConversions + observed) / (pseudoConversions + expected)));
}

/** A campaign's conversions against learning-adjusted exposure, and its order evidence. */
function campaignTotalsOf(
  campaign: CampaignStatistics,
  learningFactor: number,
): { conversions: number; exposure: number; revenue: number; revenueConversions: number } {
  const totals = { conversions: 0, exposure: 0, revenue: 0, revenueConversions: 0 };
  for (const creative of campaign.creatives) {
    totals.conversions += creative.conversions + creative.learningConversions;
    totals.exposure += creative.exposure + learningFactor * creative.learningExposure;
    totals.revenue += creative.revenue;
    totals.revenueConversions += creative.revenueConversions;
  }
  return totals;
}
