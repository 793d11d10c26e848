import type { Money, OptimizationDecisionKind } from '@growthhub/core';
import { GuardrailError } from '@growthhub/core';
import type { PausedBy } from './account-snapshot';
import type { ProposalSource } from './campaign-proposal';

/** The guardrail rules, as named in findings, log entries and `guardrail.blocked` events. */
export type GuardrailRule =
  | 'account_daily_cap'
  | 'account_lifetime_cap'
  | 'min_daily_budget'
  | 'max_daily_budget'
  | 'max_budget_change'
  | 'change_frequency'
  | 'learning_phase'
  | 'min_evidence'
  | 'stop_loss'
  | 'invalid_proposal';

/** What a guardrail did to a proposal: cut it down, refuse it, or force an action nobody proposed. */
export type GuardrailOutcomeKind = 'clipped' | 'refused' | 'forced';

/** One guardrail intervention, with the requested and allowed values. */
export interface GuardrailFinding {
  readonly rule: GuardrailRule;
  readonly outcome: GuardrailOutcomeKind;
  readonly campaignId: string;
  /** The campaign, or one of its creatives. */
  readonly subject: { readonly kind: 'campaign' | 'creative'; readonly id: string };
  readonly reason: string;
  readonly requested?: Money | number | string;
  readonly allowed?: Money | number | string;
}

/** A campaign's status, budget and creative shares. */
export interface CampaignSettings {
  readonly status: 'active' | 'paused';
  readonly dailyBudget: Money;
  readonly creativeShares: Readonly<Record<string, number>>;
}

/** One campaign's change after the guardrails: what to apply, what it was, and why. */
export interface GuardedAction {
  readonly campaignId: string;
  readonly before: CampaignSettings;
  readonly after: CampaignSettings & { readonly pausedBy?: PausedBy };
  /** What changed, for the optimisation log (`hold_budget` when nothing did). */
  readonly decisions: readonly OptimizationDecisionKind[];
  readonly reason: string;
  readonly confidence: number;
  readonly source: ProposalSource | 'guardrail';
  readonly evidence: Readonly<Record<string, number>>;
  /** Guardrail interventions on this campaign. */
  readonly findings: readonly GuardrailFinding[];
}

const ISSUE = Symbol('GuardedPlan.issue');
const issued = new WeakSet<GuardedPlan>();

/**
 * The only thing that can be applied to ad platforms: a set of campaign changes that went through
 * `enforceGuardrails`. It cannot be built any other way (its constructor takes a module-private token and
 * every plan is registered when issued), so no policy, language model or caller can skip the guardrails.
 */
export class GuardedPlan {
  /** Decision time, epoch ms. */
  readonly at: number;
  readonly actions: readonly GuardedAction[];
  /** Every guardrail intervention, including on proposals that were refused whole. */
  readonly findings: readonly GuardrailFinding[];

  /** @internal */
  constructor(
    token: symbol,
    at: number,
    actions: readonly GuardedAction[],
    findings: readonly GuardrailFinding[],
  ) {
    if (token !== ISSUE) {
      throw new GuardrailError({
        rule: 'guarded_plan',
        reason: 'a GuardedPlan can only be created by enforceGuardrails',
        fix: 'pass proposals through enforceGuardrails and apply the plan it returns',
      });
    }
    this.at = at;
    // A deep, frozen copy: a nested budget or share map left writable would let a caller change an
    // issued plan after the guardrails checked it (and sharing objects with the snapshot would freeze those).
    this.actions = deepFreeze(structuredClone([...actions]));
    this.findings = deepFreeze(structuredClone([...findings]));
    Object.freeze(this);
    issued.add(this);
  }

  /** True when `value` is a plan issued by `enforceGuardrails` in this process. */
  static isIssued(value: unknown): value is GuardedPlan {
    return value instanceof GuardedPlan && issued.has(value);
  }
}

/** @internal Used by `enforceGuardrails` only; not exported from the package. */
export function issueGuardedPlan(
  at: number,
  actions: readonly GuardedAction[],
  findings: readonly GuardrailFinding[],
): GuardedPlan {
  return new GuardedPlan(ISSUE, at, actions, findings);
}

/**
 * Throws a `GuardrailError` unless `plan` was issued by `enforceGuardrails`: call it at every place that
 * turns a plan into platform calls.
 */
export function assertGuardedPlan(plan: unknown): asserts plan is GuardedPlan {
  if (!GuardedPlan.isIssued(plan)) {
    throw new GuardrailError({
      rule: 'guarded_plan',
      reason: 'the plan did not come from enforceGuardrails',
      fix: 'pass proposals through enforceGuardrails and apply the plan it returns',
    });
  }
}

/** Freezes `value` and everything reachable from it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
