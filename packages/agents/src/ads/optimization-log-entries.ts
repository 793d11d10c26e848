import type {
  AutomationMode,
  DecisionState,
  DecisionValue,
  Money,
  OptimizationDecisionKind,
  OptimizationLogEntry,
} from '@growthhub/core';
import type { GuardedAction, GuardrailFinding } from './guarded-plan';

/** Context shared by every entry of one run. */
export interface LogContext {
  readonly storeId: string;
  /** Decision time, epoch ms. */
  readonly at: number;
  readonly policy: string;
  readonly mode: AutomationMode;
  readonly newId: () => string;
}

/**
 * The optimisation-log entries of one guarded action: one per change (budget, status, each creative
 * paused or resumed, share moves), or a single `hold_budget`, each with before/after values, reason and
 * confidence, in `state`.
 */
export function actionLogEntries(
  action: GuardedAction,
  state: DecisionState,
  context: LogContext,
  approvalId?: string,
): OptimizationLogEntry[] {
  const entries: OptimizationLogEntry[] = [];
  const add = (
    decision: OptimizationDecisionKind,
    target: OptimizationLogEntry['target'],
    before: DecisionValue,
    after: DecisionValue,
    extraEvidence: Record<string, number> = {},
  ): void => {
    entries.push({
      id: context.newId(),
      storeId: context.storeId,
      campaignId: action.campaignId,
      at: new Date(context.at).toISOString(),
      decision,
      target,
      before,
      after,
      reason: clampReason(action.reason || decision),
      confidence: action.confidence,
      policy: action.source === 'guardrail' ? 'guardrails' : context.policy,
      mode: context.mode,
      state,
      ...(approvalId === undefined ? {} : { approvalId }),
      evidence: { ...action.evidence, ...extraEvidence },
    });
  };
  const campaign = { level: 'campaign' as const, id: action.campaignId };
  for (const decision of action.decisions) {
    if (decision === 'increase_budget' || decision === 'decrease_budget' || decision === 'hold_budget') {
      add(decision, campaign, budget(action.before.dailyBudget), budget(action.after.dailyBudget));
    } else if (decision === 'pause_campaign' || decision === 'resume_campaign') {
      add(decision, campaign, status(action.before.status), status(action.after.status));
    } else if (decision === 'reallocate_budget') {
      const shares: Record<string, number> = {};
      for (const [id, share] of Object.entries(action.after.creativeShares))
        shares[`share:${id}`] = round(share);
      add(decision, campaign, { kind: 'none' }, { kind: 'none' }, shares);
    }
  }
  for (const [id, after] of Object.entries(action.after.creativeShares)) {
    const before = action.before.creativeShares[id] ?? 0;
    if (before > 0 && after === 0)
      add('pause_creative', { level: 'creative', id }, status('active'), status('paused'));
    if (before === 0 && after > 0)
      add('resume_creative', { level: 'creative', id }, status('paused'), status('active'));
  }
  return entries;
}

/**
 * The `blocked` entry of a guardrail finding that refused or clipped a proposal, naming the rule and
 * carrying the requested value as `after`.
 */
export function findingLogEntry(finding: GuardrailFinding, context: LogContext): OptimizationLogEntry {
  const requested = finding.requested;
  const allowed = finding.allowed;
  const isMoney = (value: unknown): value is Money =>
    typeof value === 'object' && value !== null && 'amountMinor' in value;
  let decision: OptimizationDecisionKind = 'hold_budget';
  let before: DecisionValue = { kind: 'none' };
  let after: DecisionValue = { kind: 'none' };
  if (isMoney(requested) && isMoney(allowed)) {
    decision = requested.amountMinor > allowed.amountMinor ? 'increase_budget' : 'decrease_budget';
    before = budget(allowed);
    after = budget(requested);
  } else if (finding.rule === 'learning_phase' || finding.rule === 'min_evidence') {
    decision = finding.subject.kind === 'creative' ? 'pause_creative' : 'pause_campaign';
    before = status('active');
    after = status('paused');
  }
  return {
    id: context.newId(),
    storeId: context.storeId,
    campaignId: finding.campaignId,
    at: new Date(context.at).toISOString(),
    decision,
    target: { level: finding.subject.kind, id: finding.subject.id },
    before,
    after,
    reason: clampReason(finding.reason),
    confidence: 1,
    policy: context.policy,
    mode: context.mode,
    state: 'blocked',
    guardrail: { rule: finding.rule, reason: clampReason(finding.reason) },
    evidence: {},
  };
}

function budget(amount: Money): DecisionValue {
  return { kind: 'budget', amount };
}

function status(value: 'active' | 'paused'): DecisionValue {
  return { kind: 'status', status: value };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function clampReason(reason: string): string {
  return reason.length > 2_000 ? `${reason.slice(0, 1_997)}...` : reason;
}
