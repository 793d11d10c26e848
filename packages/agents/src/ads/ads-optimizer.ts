import {
  type AutomationMode,
  type GrowthEventBus,
  type Money,
  type OptimizationLogEntry,
  ValidationError,
} from '@growthhub/core';
import { type AdsAccountSnapshot, AdsAccountSnapshotSchema } from './account-snapshot';
import type { AdsPolicy } from './ads-policy';
import { previewedProposal, staleApprovalReason } from './approval-check';
import {
  type ApprovalRequest,
  approveApprovalRequest,
  expireApprovalRequest,
  openApprovalRequest,
  rejectApprovalRequest,
} from './approval-request';
import {
  type CampaignProposal,
  type CampaignProposalInput,
  CampaignProposalSchema,
} from './campaign-proposal';
import type { GuardedPlan, GuardrailFinding } from './guarded-plan';
import {
  type GuardrailSettingsInput,
  type ResolvedGuardrails,
  resolveGuardrailSettings,
} from './guardrail-settings';
import { enforceGuardrails } from './guardrails';
import { actionLogEntries, findingLogEntry, type LogContext } from './optimization-log-entries';

/** Settings of {@link createAdsOptimizer}. */
export interface AdsOptimizerOptions<Memory> {
  /** The host's store (tenant) the account belongs to. */
  readonly storeId: string;
  readonly policy: AdsPolicy<Memory>;
  readonly guardrails: GuardrailSettingsInput | ResolvedGuardrails;
  /** `autopilot` applies, `approval` asks a human first, `dry-run` only logs. */
  readonly mode: AutomationMode;
  /** Where `optimization.logged`, `guardrail.blocked`, `approval.*` and `campaign.*` events go. */
  readonly events?: Pick<GrowthEventBus, 'emit'>;
  /** Id factory for log entries and approvals (default `crypto.randomUUID`). */
  readonly newId?: () => string;
  /** How long an approval request stays open (default 24 hours). */
  readonly approvalTtlHours?: number;
}

/** The outcome of one optimisation run. */
export interface OptimizationRun<Memory> {
  /**
   * What to apply now: every policy decision in autopilot mode; in approval and dry-run modes only what
   * the guardrails force on their own (stop-loss, cap pauses). Undefined when there is nothing.
   */
  readonly plan: GuardedPlan | undefined;
  /** Every decision of the run, applied, pending or blocked. */
  readonly log: readonly OptimizationLogEntry[];
  /** New approval requests (approval mode). */
  readonly approvals: readonly ApprovalRequest[];
  /** The policy's memory to pass to the next run. */
  readonly memory: Memory;
}

/**
 * The outcome of approving a request: the request (`approved`, or `rejected` as stale with the reason in
 * its `note`), the plan re-checked against the account now (no action when stale), its log.
 */
export interface ApprovalOutcome {
  readonly request: ApprovalRequest;
  readonly plan: GuardedPlan;
  readonly log: readonly OptimizationLogEntry[];
}

/** Runs a policy behind the guardrails in one of the three modes; see {@link createAdsOptimizer}. */
export interface AdsOptimizer<Memory> {
  /**
   * One optimisation run: validates the snapshot, asks the policy, adds `extraProposals` (from a
   * language model or a person), enforces the guardrails and logs every decision.
   */
  run(
    snapshot: AdsAccountSnapshot,
    memory?: Memory,
    extraProposals?: readonly (CampaignProposal | CampaignProposalInput)[],
  ): OptimizationRun<Memory>;
  /**
   * Approves a pending request of this optimiser's store. Applies at most what the preview showed: the
   * preview's `after` values go through the guardrails again against `snapshot` (they can be cut, never
   * raised). When the campaign in `snapshot` no longer matches `preview.before`, the request is rejected
   * as stale (reason in `note` and the log) and nothing applies. Throws a `ValidationError` for a request
   * of another store, or one that is not pending.
   */
  approve(request: ApprovalRequest, snapshot: AdsAccountSnapshot, by: string): ApprovalOutcome;
  /** Rejects a pending request of this optimiser's store; nothing is applied. */
  reject(
    request: ApprovalRequest,
    by: string,
    now: number,
    note?: string,
  ): { request: ApprovalRequest; log: readonly OptimizationLogEntry[] };
  /** Marks the requests whose time is up as expired. */
  expire(requests: readonly ApprovalRequest[], now: number): ApprovalRequest[];
}

/**
 * Creates the optimiser that runs a policy (default: `bayesianAllocationPolicy`) behind the guardrails.
 * Nothing reaches a platform except through the returned `GuardedPlan`; in `approval` mode each action
 * becomes an {@link ApprovalRequest} (event `approval.requested`), applied at most as previewed and
 * re-checked when approved; in
 * `dry-run` mode decisions are only logged. Every decision, applied, pending or blocked, is an
 * `OptimizationLogEntry`; every guardrail refusal or cut is also a `guardrail.blocked` event.
 *
 * @example
 * ```ts
 * const optimizer = createAdsOptimizer({ storeId, policy: bayesianAllocationPolicy(), guardrails, mode: 'approval', events });
 * const { approvals, log, memory } = optimizer.run(snapshot, previousMemory);
 * ```
 */
export function createAdsOptimizer<Memory>(options: AdsOptimizerOptions<Memory>): AdsOptimizer<Memory> {
  const guardrails =
    'rulesFor' in options.guardrails ? options.guardrails : resolveGuardrailSettings(options.guardrails);
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const ttlMs = (options.approvalTtlHours ?? 24) * 3_600_000;
  const mode = options.mode;
  const emit: Pick<GrowthEventBus, 'emit'>['emit'] = (...args) => options.events?.emit(...args) ?? false;

  const context = (at: number): LogContext => ({
    storeId: options.storeId,
    at,
    policy: options.policy.name,
    mode,
    newId,
  });

  const logBlocked = (findings: readonly GuardrailFinding[], ctx: LogContext): OptimizationLogEntry[] =>
    findings
      .filter((finding) => finding.outcome !== 'forced')
      .map((finding) => {
        emit('guardrail.blocked', {
          at: new Date(ctx.at).toISOString(),
          storeId: options.storeId,
          rule: finding.rule,
          reason: finding.reason,
          subject: finding.subject,
          ...numericOrMoney('requested', finding.requested),
          ...numericOrMoney('allowed', finding.allowed),
        });
        return findingLogEntry(finding, ctx);
      });

  const logApplied = (plan: GuardedPlan, ctx: LogContext): OptimizationLogEntry[] => {
    const entries: OptimizationLogEntry[] = [];
    for (const action of plan.actions) {
      for (const entry of actionLogEntries(action, 'applied', ctx)) {
        entries.push(entry);
        if (entry.decision === 'hold_budget') continue;
        emit('campaign.optimized', {
          at: entry.at,
          storeId: options.storeId,
          campaignId: entry.campaignId,
          logEntryId: entry.id,
          decision: entry.decision,
          reason: entry.reason,
        });
        if (entry.decision === 'pause_campaign') {
          emit('campaign.paused', {
            at: entry.at,
            storeId: options.storeId,
            campaignId: entry.campaignId,
            reason: entry.reason,
            by:
              action.source === 'guardrail' ? 'guardrail' : action.source === 'human' ? 'human' : 'optimizer',
          });
        }
      }
    }
    return entries;
  };

  const publish = (entries: OptimizationLogEntry[]): OptimizationLogEntry[] => {
    for (const entry of entries)
      emit('optimization.logged', { at: entry.at, storeId: options.storeId, entry });
    return entries;
  };

  const resolveRejected = (
    request: ApprovalRequest,
    by: string,
    now: number,
    note?: string,
    loggedReason?: string,
  ) => {
    const rejected = rejectApprovalRequest(request, by, now, note);
    emit('approval.resolved', {
      at: rejected.decidedAt!,
      storeId: options.storeId,
      approvalId: rejected.id,
      kind: 'budget_change',
      subjectId: rejected.campaignId,
      decision: 'rejected',
      by,
    });
    const ctx: LogContext = { ...context(now), mode: 'approval', policy: request.policy };
    const shown = loggedReason === undefined ? request.preview : { ...request.preview, reason: loggedReason };
    return { request: rejected, log: publish(actionLogEntries(shown, 'rejected', ctx, rejected.id)) };
  };

  return {
    run(snapshot, memory, extraProposals = []) {
      const parsed = AdsAccountSnapshotSchema.safeParse(snapshot);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ValidationError({
          field: `snapshot.${issue?.path.join('.') ?? ''}`,
          reason: issue?.message ?? 'invalid snapshot',
          fix: 'build the snapshot as AdsAccountSnapshotSchema describes (money in integer minor units)',
        });
      }
      const current = parsed.data;
      const ctx = context(current.now);
      const decision = options.policy.decide({ snapshot: current, guardrails, memory });
      const proposals = [...decision.proposals, ...extraProposals];
      const full = enforceGuardrails(current, proposals, guardrails);
      const log = logBlocked(full.findings, ctx);
      if (mode === 'autopilot') {
        log.push(...logApplied(full, ctx));
        return {
          plan: full.actions.length > 0 ? full : undefined,
          log: publish(log),
          approvals: [],
          memory: decision.memory,
        };
      }
      // Approval and dry-run: only what the guardrails force by themselves applies now.
      const forced = enforceGuardrails(current, [], guardrails);
      log.push(...logApplied(forced, ctx));
      const forcedIds = new Set(forced.actions.map((action) => action.campaignId));
      const approvals: ApprovalRequest[] = [];
      const byCampaign = new Map<string, CampaignProposal>();
      for (const proposal of proposals) {
        const valid = CampaignProposalSchema.safeParse(proposal);
        if (valid.success && !byCampaign.has(valid.data.campaignId))
          byCampaign.set(valid.data.campaignId, valid.data);
      }
      for (const action of full.actions) {
        if (forcedIds.has(action.campaignId) || action.decisions.every((kind) => kind === 'hold_budget'))
          continue;
        const proposal = byCampaign.get(action.campaignId);
        if (mode === 'dry-run' || proposal === undefined) {
          log.push(...actionLogEntries(action, 'pending', ctx));
          continue;
        }
        const request = openApprovalRequest({
          id: newId(),
          storeId: options.storeId,
          policy: options.policy.name,
          proposal,
          preview: action,
          now: current.now,
          ttlMs,
        });
        approvals.push(request);
        log.push(...actionLogEntries(action, 'pending', ctx, request.id));
        emit('approval.requested', {
          at: request.requestedAt,
          storeId: options.storeId,
          approvalId: request.id,
          kind: 'budget_change',
          subjectId: action.campaignId,
          summary: `${action.decisions.join(', ')} on campaign ${action.campaignId}: ${action.reason}`.slice(
            0,
            300,
          ),
          expiresAt: request.expiresAt,
        });
      }
      return {
        plan: forced.actions.length > 0 ? forced : undefined,
        log: publish(log),
        approvals,
        memory: decision.memory,
      };
    },

    approve(request, snapshot, by) {
      assertOwnStore(request, options.storeId);
      const parsed = AdsAccountSnapshotSchema.parse(snapshot);
      const stale = staleApprovalReason(request, parsed);
      if (stale !== undefined) {
        const { request: rejected, log } = resolveRejected(request, by, parsed.now, stale, stale);
        // Nothing applies: a plan over no campaigns carries no action.
        return {
          request: rejected,
          plan: enforceGuardrails({ ...parsed, campaigns: [] }, [], guardrails),
          log,
        };
      }
      const approved = approveApprovalRequest(request, by, parsed.now);
      emit('approval.resolved', {
        at: approved.decidedAt!,
        storeId: options.storeId,
        approvalId: approved.id,
        kind: 'budget_change',
        subjectId: approved.campaignId,
        decision: 'approved',
        by,
      });
      const ctx: LogContext = { ...context(parsed.now), mode: 'approval', policy: request.policy };
      const plan = enforceGuardrails(parsed, [previewedProposal(request)], guardrails);
      const log = [...logBlocked(plan.findings, ctx)];
      for (const action of plan.actions) log.push(...actionLogEntries(action, 'applied', ctx, approved.id));
      return { request: approved, plan, log: publish(log) };
    },

    reject(request, by, now, note) {
      assertOwnStore(request, options.storeId);
      return resolveRejected(request, by, now, note);
    },

    expire(requests, now) {
      return requests.map((request) => {
        const next = expireApprovalRequest(request, now);
        if (next !== request) {
          emit('approval.resolved', {
            at: next.decidedAt!,
            storeId: options.storeId,
            approvalId: next.id,
            kind: 'budget_change',
            subjectId: next.campaignId,
            decision: 'expired',
          });
        }
        return next;
      });
    },
  };
}

/** Refuses a request opened for another store (tenant) than the optimiser's. */
function assertOwnStore(request: ApprovalRequest, storeId: string): void {
  if (request.storeId === storeId) return;
  throw new ValidationError({
    field: 'approval.storeId',
    reason: `belongs to store ${request.storeId}, not to this optimiser's store ${storeId}`,
    fix: "resolve the request with the optimiser of the request's own store",
  });
}

function numericOrMoney(
  key: 'requested' | 'allowed',
  value: unknown,
): { requested?: Money | number } | { allowed?: Money | number } {
  if (typeof value === 'number') return { [key]: value };
  if (typeof value === 'object' && value !== null && 'amountMinor' in value) return { [key]: value as Money };
  return {};
}
