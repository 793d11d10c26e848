import type { AdsAccountSnapshot } from './account-snapshot';
import type { CampaignProposal } from './campaign-proposal';
import type { ResolvedGuardrails } from './guardrail-settings';

/** What a policy is given at each decision time. */
export interface PolicyContext<Memory> {
  readonly snapshot: AdsAccountSnapshot;
  /** The guardrails its proposals will meet, so it can plan within them. */
  readonly guardrails: ResolvedGuardrails;
  /** What the policy remembered from its previous call (undefined on the first). */
  readonly memory: Memory | undefined;
}

/** A policy's answer: proposals for the guardrails, and what to remember for next time. */
export interface PolicyDecision<Memory> {
  readonly proposals: readonly CampaignProposal[];
  readonly memory: Memory;
}

/** Forecast revenue and conversions of one campaign over a horizon at one budget. */
export interface BudgetForecast {
  readonly campaignId: string;
  /** The budget as a multiple of the current one. */
  readonly multiplier: number;
  readonly dailyBudgetMinor: number;
  readonly horizonDays: number;
  /** Expected revenue over the horizon, minor units, with an 80 % interval when the policy has one. */
  readonly revenueMinor: number;
  readonly revenueLowMinor?: number;
  readonly revenueHighMinor?: number;
  /** Expected conversions over the horizon, with an 80 % interval when the policy has one. */
  readonly conversions: number;
  readonly conversionsLow?: number;
  readonly conversionsHigh?: number;
}

/** What to forecast. */
export interface ForecastRequest {
  readonly campaignId: string;
  /** Budget multiples of the current budget, e.g. `[0.5, 1, 2]`. */
  readonly multipliers: readonly number[];
  /** Horizon in days (default 7). */
  readonly horizonDays?: number;
}

/**
 * A budget and creative policy: a pure function from a snapshot (plus its own memory) to proposals.
 * It never applies anything itself: proposals go through `enforceGuardrails`, and only the resulting
 * `GuardedPlan` can be applied. The same inputs always give the same proposals.
 */
export interface AdsPolicy<Memory = unknown> {
  /** Name written to the optimisation log, e.g. `bayesianAllocationPolicy`. */
  readonly name: string;
  decide(context: PolicyContext<Memory>): PolicyDecision<Memory>;
  /** Revenue forecast at other budget levels, from the same evidence. */
  forecast(context: PolicyContext<Memory>, request: ForecastRequest): BudgetForecast[];
}
