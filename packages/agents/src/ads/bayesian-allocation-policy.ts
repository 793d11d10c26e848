import { money, toMajorString } from '@growthhub/core';
import type { AdsAccountSnapshot, CampaignSnapshot } from './account-snapshot';
import type { AdsPolicy, BudgetForecast, ForecastRequest, PolicyContext, PolicyDecision } from './ads-policy';
import { type Allocation, type AllocationInput, allocateBudgets } from './budget-allocation';
import { budgetLimits, hasMinimumEvidence } from './budget-limits';
import type { CampaignProposal } from './campaign-proposal';
import {
  type AccountValue,
  type CampaignValue,
  DEFAULT_VALUE_PRIORS,
  estimateConversionValue,
  type ValuePriors,
  valuePerImpression,
} from './conversion-value';
import {
  type CreativeSelectionSettings,
  type CreativeVerdict,
  DEFAULT_CREATIVE_SELECTION,
  selectCreatives,
  standardNormalCdf,
} from './creative-selection';
import { type DeliveryCurve, fitDeliveryCurve, type SaturationPrior } from './delivery-curve';
import type { ResolvedGuardrails } from './guardrail-settings';
import { observeReportingDelay, type ReportingDelayMemory, reportingCompletion } from './reporting-delay';

/** Settings of {@link bayesianAllocationPolicy}; every field has a default. */
export interface BayesianAllocationOptions {
  readonly priors?: Partial<ValuePriors>;
  readonly saturation?: Partial<SaturationPrior>;
  readonly creatives?: Partial<CreativeSelectionSettings>;
  /** Hours between two decisions on one campaign (default 24: at most one change a day). */
  readonly decisionIntervalHours?: number;
  /** Hours after launch of the first decision on a campaign (default 24). */
  readonly firstDecisionAfterHours?: number;
  /**
   * Confidence that a campaign at its minimum budget earns less than the water level per unit of spend
   * before it is paused, freeing its budget for the others (default 0.75; such a campaign runs at the $10-a-day floor, so a wrong pause costs little). Pauses meet the guardrails:
   * never during learning, never before minimum evidence.
   */
  readonly pauseConfidence?: number;
  /**
   * The platform's reporting completion by lag in slots (index ℓ: share of a slot's conversions reported
   * ℓ slots after it started), when known; by default it is learned from the reports (chain ladder).
   */
  readonly reportingCompletion?: readonly number[];
}

/** What {@link bayesianAllocationPolicy} remembers: the reporting-delay estimate and its last decisions. */
export interface BayesianAllocationMemory {
  readonly delay: ReportingDelayMemory;
  /** Last decision time per campaign id, epoch ms. */
  readonly decidedAt: Readonly<Record<string, number>>;
}

/** The default policy's name in optimisation logs. */
export const BAYESIAN_ALLOCATION_POLICY = 'bayesianAllocationPolicy';

/**
 * The default budget and creative policy. Once a day per campaign it:
 * 1. estimates conversion value per impression for every creative (CTR × CVR × order value, shrunk
 *    toward the campaign and the account, with conversions corrected for reporting delay and the
 *    learning phase — see `estimateConversionValue`);
 * 2. sets creative shares from the Bayesian creative test (`selectCreatives`);
 * 3. fits each campaign's delivery curve with diminishing returns (`fitDeliveryCurve`);
 * 4. allocates the account's daily cap by marginal ROAS within each campaign's guardrail range
 *    (`allocateBudgets`), never funding a campaign past break-even at the margin.
 * Pure and deterministic: its only state is the returned memory.
 */
export function bayesianAllocationPolicy(
  options: BayesianAllocationOptions = {},
): AdsPolicy<BayesianAllocationMemory> {
  const priors: ValuePriors = { ...DEFAULT_VALUE_PRIORS, ...options.priors };
  const saturation: SaturationPrior = { medianMultiple: 2, logSd: 0.7, ...options.saturation };
  const selection: CreativeSelectionSettings = { ...DEFAULT_CREATIVE_SELECTION, ...options.creatives };
  const intervalMs = (options.decisionIntervalHours ?? 24) * 3_600_000;
  const pauseConfidence = options.pauseConfidence ?? 0.75;
  const firstDecisionMs = (options.firstDecisionAfterHours ?? 24) * 3_600_000;

  const evaluate = (snapshot: AdsAccountSnapshot, delay: ReportingDelayMemory): AccountValue =>
    estimateConversionValue(
      snapshot,
      options.reportingCompletion
        ? Float64Array.from(options.reportingCompletion)
        : reportingCompletion(delay),
      priors,
    );

  return {
    name: BAYESIAN_ALLOCATION_POLICY,
    decide(context: PolicyContext<BayesianAllocationMemory>): PolicyDecision<BayesianAllocationMemory> {
      const { snapshot, guardrails } = context;
      const delay = observeReportingDelay(context.memory?.delay, snapshot);
      const decidedAt = { ...context.memory?.decidedAt };
      const due = snapshot.campaigns.filter(
        (campaign) =>
          campaign.status === 'active' &&
          snapshot.now - (decidedAt[campaign.id] ?? campaign.launchedAt - intervalMs + firstDecisionMs) >=
            intervalMs,
      );
      const values = due.length > 0 ? evaluate(snapshot, delay) : undefined;
      if (values === undefined || !values.informative) return { proposals: [], memory: { delay, decidedAt } };

      const plans = snapshot.campaigns
        .filter((campaign) => campaign.status === 'active')
        .map((campaign) => planCampaign(snapshot, campaign, values, guardrails, due.includes(campaign)));
      const cap = guardrails.settings.accountDailyCap.amountMinor;
      let allocation = allocateBudgets(
        plans.map((plan) => plan.input),
        cap,
      );
      const paused = new Set(
        plans
          .filter((plan) => shouldPause(snapshot, plan, allocation, guardrails, pauseConfidence))
          .map((plan) => plan),
      );
      if (paused.size > 0) {
        allocation = allocateBudgets(
          plans.filter((plan) => !paused.has(plan)).map((plan) => plan.input),
          cap,
        );
      }
      const proposals: CampaignProposal[] = [];
      for (const plan of plans) {
        if (!plan.due || plan.value === undefined) continue;
        decidedAt[plan.campaign.id] = snapshot.now;
        if (paused.has(plan)) {
          proposals.push(pauseProposal(snapshot, plan, allocation.waterLevel));
          continue;
        }
        const budget = allocation.budgets.get(plan.campaign.id) ?? plan.input.currentMinor;
        proposals.push(proposalFor(snapshot, plan, budget, allocation.waterLevel));
      }
      return { proposals, memory: { delay, decidedAt } };
    },

    forecast(context: PolicyContext<BayesianAllocationMemory>, request: ForecastRequest): BudgetForecast[] {
      const { snapshot } = context;
      const campaign = snapshot.campaigns.find((candidate) => candidate.id === request.campaignId);
      if (campaign === undefined) return [];
      const delay = context.memory?.delay ?? observeReportingDelay(undefined, snapshot);
      const value = evaluate(snapshot, delay).campaigns.get(campaign.id);
      const curve = fitDeliveryCurve(campaign, snapshot.slotMs, saturation);
      const horizonDays = request.horizonDays ?? 7;
      const shares = campaign.creatives.map((creative) => creative.share);
      return request.multipliers.map((multiplier) => {
        const budget = Math.round(campaign.dailyBudget.amountMinor * multiplier);
        return forecastAt(campaign.id, multiplier, budget, horizonDays, value, curve, shares);
      });
    },
  };

  function planCampaign(
    snapshot: AdsAccountSnapshot,
    campaign: CampaignSnapshot,
    values: AccountValue,
    guardrails: ResolvedGuardrails,
    due: boolean,
  ): CampaignPlan {
    const current = campaign.dailyBudget.amountMinor;
    const value = values.campaigns.get(campaign.id);
    const limits = budgetLimits(campaign, snapshot.now, snapshot.slotMs, guardrails);
    const curve = fitDeliveryCurve(campaign, snapshot.slotMs, saturation);
    const verdicts = value === undefined ? [] : selectCreatives(value.creatives, selection);
    const shares =
      due && verdicts.length > 0
        ? verdicts.map((verdict) => verdict.share)
        : campaign.creatives.map((c) => c.share);
    const perImpression = value === undefined ? 0 : valuePerImpression(value, shares);
    const input: AllocationInput = {
      campaignId: campaign.id,
      revenue: (budget) => perImpression * curve.impressions(budget),
      marginalRoas: (budget) => perImpression * curve.marginalImpressions(budget),
      currentMinor: current,
      minMinor: due ? limits.minMinor : current,
      maxMinor: due ? limits.maxMinor : current,
    };
    return { campaign, value, curve, verdicts, shares, input, due };
  }
}

interface CampaignPlan {
  readonly campaign: CampaignSnapshot;
  readonly value: CampaignValue | undefined;
  readonly curve: DeliveryCurve;
  readonly verdicts: readonly CreativeVerdict[];
  readonly shares: readonly number[];
  readonly input: AllocationInput;
  readonly due: boolean;
}

function proposalFor(
  snapshot: AdsAccountSnapshot,
  plan: CampaignPlan,
  budget: number,
  waterLevel: number,
): CampaignProposal {
  const { campaign, value, curve, verdicts, shares } = plan;
  const current = campaign.dailyBudget.amountMinor;
  const marginal = plan.input.marginalRoas(current);
  const logSd = Math.sqrt((value?.baseLogVariance ?? 1) + curve.relativeSd(current) ** 2);
  const confidence = standardNormalCdf(Math.abs(Math.log(Math.max(marginal, 1e-9) / waterLevel)) / logSd);
  const creativeShares: Record<string, number> = {};
  campaign.creatives.forEach((creative, index) => {
    creativeShares[creative.id] = shares[index] ?? creative.share;
  });
  const leader = verdicts.find((verdict) => verdict.role === 'leader');
  const winner = verdicts.find((verdict) => verdict.verdict === 'winner');
  const format = (amount: number): string => toMajorString(money(amount, snapshot.currency));
  const reason =
    `marginal ROAS ${marginal.toFixed(2)} at ${format(current)} against water level ${waterLevel.toFixed(2)} → ${format(budget)}` +
    (winner
      ? `; creative test concluded: ${winner.id} wins with P(best) ${winner.probabilityBest.toFixed(2)}`
      : leader
        ? `; creative ${leader.id} leads with P(best) ${leader.probabilityBest.toFixed(2)}`
        : '');
  const evidence: Record<string, number> = {
    marginalRoas: round(marginal),
    waterLevel: round(waterLevel),
    saturationMinor: Math.round(curve.saturationMinor),
    spendMinor: value?.spendMinor ?? 0,
    revenueMinor: value?.revenueMinor ?? 0,
  };
  for (const verdict of verdicts) evidence[`pBest:${verdict.id}`] = round(verdict.probabilityBest);
  if (winner) evidence.creativeTestConcluded = 1;
  return {
    campaignId: campaign.id,
    dailyBudget: money(budget, snapshot.currency),
    creativeShares,
    reason,
    confidence: Math.min(1, Math.max(0, confidence)),
    evidence,
    source: 'policy',
  };
}

/**
 * A campaign at its minimum budget is paused when, with `confidence`, even its average ROAS there is
 * below the water level: its minimum budget earns more anywhere else. Learning campaigns and campaigns
 * without the guardrails' minimum evidence for a pause are left alone.
 */
function shouldPause(
  snapshot: AdsAccountSnapshot,
  plan: CampaignPlan,
  allocation: Allocation,
  guardrails: ResolvedGuardrails,
  confidence: number,
): boolean {
  const { campaign, value, curve, input } = plan;
  if (!plan.due || value === undefined || campaign.learning) return false;
  const floor = guardrails.minDailyBudgetMinor;
  if (allocation.budgets.get(campaign.id) !== floor || input.minMinor !== floor) return false;
  if (!hasMinimumEvidence(campaign, snapshot.now, guardrails.settings.minEvidence.pause)) return false;
  const averageRoas = input.revenue(floor) / floor;
  const logSd = Math.sqrt(value.baseLogVariance + curve.relativeSd(floor) ** 2);
  return (
    standardNormalCdf(Math.log(allocation.waterLevel / Math.max(averageRoas, 1e-9)) / logSd) >= confidence
  );
}

function pauseProposal(
  snapshot: AdsAccountSnapshot,
  plan: CampaignPlan,
  waterLevel: number,
): CampaignProposal {
  const floor = plan.input.minMinor;
  const averageRoas = plan.input.revenue(floor) / floor;
  return {
    campaignId: plan.campaign.id,
    status: 'paused',
    reason: `ROAS ${averageRoas.toFixed(2)} even at the minimum budget ${toMajorString(money(floor, snapshot.currency))}, below the water level ${waterLevel.toFixed(2)}: its budget earns more elsewhere`,
    confidence: 0.9,
    evidence: { averageRoasAtMinimum: round(averageRoas), waterLevel: round(waterLevel) },
    source: 'policy',
  };
}

function forecastAt(
  campaignId: string,
  multiplier: number,
  budget: number,
  horizonDays: number,
  value: CampaignValue | undefined,
  curve: DeliveryCurve,
  shares: readonly number[],
): BudgetForecast {
  const impressions = curve.impressions(budget) * horizonDays;
  const perImpression = value === undefined ? 0 : valuePerImpression(value, shares);
  const revenue = perImpression * impressions;
  const conversions = value === undefined || value.orderValueMinor <= 0 ? 0 : revenue / value.orderValueMinor;
  const logSd = Math.sqrt((value?.baseLogVariance ?? 1) + curve.relativeSd(budget) ** 2);
  const low = Math.exp(-0.5 * logSd * logSd - 1.2816 * logSd);
  const high = Math.exp(-0.5 * logSd * logSd + 1.2816 * logSd);
  return {
    campaignId,
    multiplier,
    dailyBudgetMinor: budget,
    horizonDays,
    revenueMinor: Math.round(revenue),
    revenueLowMinor: Math.round(revenue * low),
    revenueHighMinor: Math.round(revenue * high),
    conversions,
    conversionsLow: conversions * low,
    conversionsHigh: conversions * high,
  };
}

function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
