import { IdSchema, MoneySchema } from '@growthhub/core';
import { z } from 'zod';

/** Who proposed an action: a policy, a language model, or a human. Every source meets the same guardrails. */
export const ProposalSourceSchema = z.enum(['policy', 'llm', 'human']);

/** Who proposed an action; see {@link ProposalSourceSchema}. */
export type ProposalSource = z.infer<typeof ProposalSourceSchema>;

/**
 * What someone wants done to one campaign: a new daily budget, a status, new creative shares, or any mix.
 * A proposal is only a wish: it takes effect only after `enforceGuardrails` turned it into a
 * `GuardedPlan`. Use {@link CampaignProposalSchema} to validate proposals from a language model.
 */
export const CampaignProposalSchema = z.strictObject({
  campaignId: IdSchema,
  /** The wanted daily budget (positive); omit to keep the current one. */
  dailyBudget: MoneySchema.refine((value) => value.amountMinor > 0, {
    message: 'a daily budget must be positive',
    path: ['amountMinor'],
  }).optional(),
  /** Pause or resume; omit to keep the current status. */
  status: z.enum(['active', 'paused']).optional(),
  /** Wanted share per creative id (normalised to sum 1; 0 pauses the creative); omit to keep. */
  creativeShares: z.record(IdSchema, z.number().min(0).max(1)).optional(),
  /** Why, in words a human can check. */
  reason: z.string().min(1).max(2000),
  /** The proposer's confidence, 0 to 1. */
  confidence: z.number().min(0).max(1),
  /** Key numbers behind the proposal, e.g. `{ roas: 3.1 }`. */
  evidence: z.record(z.string(), z.number()).optional(),
  source: ProposalSourceSchema.default('policy'),
});

/** What someone wants done to one campaign; see {@link CampaignProposalSchema}. */
export type CampaignProposal = z.infer<typeof CampaignProposalSchema>;

/** A proposal as callers may write it (`source` optional). */
export type CampaignProposalInput = z.input<typeof CampaignProposalSchema>;
