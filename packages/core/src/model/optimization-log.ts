import { z } from 'zod';
import { IdSchema } from './identifier';
import { MoneySchema } from './money';
import { IsoDateTimeSchema } from './time';

/** What an optimiser decided. */
export const OptimizationDecisionKindSchema = z.enum([
  'increase_budget',
  'decrease_budget',
  'hold_budget',
  'reallocate_budget',
  'pause_campaign',
  'resume_campaign',
  'pause_creative',
  'resume_creative',
  'launch_variant',
  'end_test',
]);

/** What an optimiser decided; see {@link OptimizationDecisionKindSchema}. */
export type OptimizationDecisionKind = z.infer<typeof OptimizationDecisionKindSchema>;

/** How decisions are carried out: applied at once, queued for a human, or only logged. */
export const AutomationModeSchema = z.enum(['autopilot', 'approval', 'dry-run']);

/** How decisions are carried out; see {@link AutomationModeSchema}. */
export type AutomationMode = z.infer<typeof AutomationModeSchema>;

/**
 * What became of a decision: `applied` on the platform, `pending` human approval (or dry-run),
 * `blocked` by a guardrail, `rejected` by a human.
 */
export const DecisionStateSchema = z.enum(['applied', 'pending', 'blocked', 'rejected']);

/** What became of a decision; see {@link DecisionStateSchema}. */
export type DecisionState = z.infer<typeof DecisionStateSchema>;

/** A value a decision changes: a budget, a delivery status, or nothing (e.g. `hold_budget`). */
export const DecisionValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('budget'), amount: MoneySchema }),
  z.strictObject({ kind: z.literal('status'), status: z.enum(['active', 'paused']) }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** A value a decision changes; see {@link DecisionValueSchema}. */
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

/** The entity a decision is about. */
export const DecisionTargetSchema = z.strictObject({
  level: z.enum(['campaign', 'adset', 'ad', 'creative']),
  /** Our id (campaign, creative) or the platform's (ad set, ad). */
  id: IdSchema,
});

/** The entity a decision is about; see {@link DecisionTargetSchema}. */
export type DecisionTarget = z.infer<typeof DecisionTargetSchema>;

/** One optimiser decision with its evidence and fate; the audit trail of every automated money move. */
export const OptimizationLogEntrySchema = z.strictObject({
  id: IdSchema,
  storeId: IdSchema,
  campaignId: IdSchema,
  at: IsoDateTimeSchema,
  decision: OptimizationDecisionKindSchema,
  target: DecisionTargetSchema,
  before: DecisionValueSchema,
  after: DecisionValueSchema,
  /** Why, in words a human can check (e.g. "ROAS 3.4 over 7 days ≥ 3 → +20 %"). */
  reason: z.string().min(1).max(2000),
  /** The optimiser's confidence, 0 to 1. */
  confidence: z.number().min(0).max(1),
  /** Name of the policy that decided (e.g. `seedRulesPolicy`). */
  policy: z.string().min(1).max(100),
  mode: AutomationModeSchema,
  state: DecisionStateSchema,
  /** The guardrail that blocked it, when `state` is `blocked`. */
  guardrail: z.strictObject({ rule: z.string().min(1), reason: z.string() }).optional(),
  /** The approval request, when `state` is `pending` in approval mode. */
  approvalId: IdSchema.optional(),
  /** Key metrics the decision was based on, e.g. `{ roas: 3.4, spendMinor: 12000 }`. */
  evidence: z.record(z.string(), z.number()).default({}),
});

/** One optimiser decision; see {@link OptimizationLogEntrySchema}. */
export type OptimizationLogEntry = z.infer<typeof OptimizationLogEntrySchema>;
