import { ValidationError } from '@growthhub/core';
import type { CampaignProposal } from './campaign-proposal';
import type { GuardedAction } from './guarded-plan';

/**
 * Where an approval request is. `pending` is the only state that moves: to `approved` or `rejected` by a
 * human, or to `expired` once its time is up. The other three are final.
 */
export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'expired';

/**
 * A decision waiting for a human (approval mode). It keeps the proposal and the guarded preview the
 * reviewer is shown. On approval the optimiser applies at most the preview: the proposal's budget,
 * status and shares are replaced by the preview's `after` values and checked by the guardrails again
 * against the account as it is then (which may cut further, never raise). A request whose campaign no
 * longer matches `preview.before` is rejected as stale, and one of another store is refused.
 */
export interface ApprovalRequest {
  readonly id: string;
  readonly storeId: string;
  readonly campaignId: string;
  readonly state: ApprovalState;
  /** What the policy (or model, or person) proposed. */
  readonly proposal: CampaignProposal;
  /** What the guardrails allowed when the request was made, to show the reviewer. */
  readonly preview: GuardedAction;
  /** Name of the policy that proposed it. */
  readonly policy: string;
  /** ISO times. */
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly decidedAt?: string;
  /** The host user who approved or rejected. */
  readonly decidedBy?: string;
  /** The reviewer's note on a rejection, or why the optimiser rejected it as stale. */
  readonly note?: string;
}

/** What a new request needs. */
export interface NewApprovalRequest {
  readonly id: string;
  readonly storeId: string;
  readonly policy: string;
  readonly proposal: CampaignProposal;
  readonly preview: GuardedAction;
  /** Epoch ms. */
  readonly now: number;
  /** How long the request stays open (ms). */
  readonly ttlMs: number;
}

/** Opens a `pending` request. */
export function openApprovalRequest(input: NewApprovalRequest): ApprovalRequest {
  return Object.freeze({
    id: input.id,
    storeId: input.storeId,
    campaignId: input.proposal.campaignId,
    state: 'pending',
    proposal: input.proposal,
    preview: input.preview,
    policy: input.policy,
    requestedAt: new Date(input.now).toISOString(),
    expiresAt: new Date(input.now + input.ttlMs).toISOString(),
  });
}

/**
 * `pending` → `approved`. Throws a `ValidationError` when the request is not pending or has expired
 * (call {@link expireApprovalRequest} first to record the expiry).
 */
export function approveApprovalRequest(request: ApprovalRequest, by: string, now: number): ApprovalRequest {
  assertOpen(request, now, 'approve');
  return Object.freeze({
    ...request,
    state: 'approved',
    decidedAt: new Date(now).toISOString(),
    decidedBy: by,
  });
}

/** `pending` → `rejected`, with an optional note. Throws a `ValidationError` when the request is not pending. */
export function rejectApprovalRequest(
  request: ApprovalRequest,
  by: string,
  now: number,
  note?: string,
): ApprovalRequest {
  assertOpen(request, now, 'reject');
  return Object.freeze({
    ...request,
    state: 'rejected',
    decidedAt: new Date(now).toISOString(),
    decidedBy: by,
    ...(note === undefined ? {} : { note }),
  });
}

/** `pending` → `expired` once `now` is at or past `expiresAt`; any other request is returned unchanged. */
export function expireApprovalRequest(request: ApprovalRequest, now: number): ApprovalRequest {
  if (request.state !== 'pending' || now < Date.parse(request.expiresAt)) return request;
  return Object.freeze({ ...request, state: 'expired', decidedAt: new Date(now).toISOString() });
}

function assertOpen(request: ApprovalRequest, now: number, verb: 'approve' | 'reject'): void {
  if (request.state !== 'pending') {
    throw new ValidationError({
      field: 'approval.state',
      reason: `is ${request.state}; only a pending request can be ${verb === 'approve' ? 'approved' : 'rejected'}`,
      fix: 'let the optimiser propose again at its next run',
    });
  }
  if (now >= Date.parse(request.expiresAt)) {
    throw new ValidationError({
      field: 'approval.expiresAt',
      reason: `the request expired at ${request.expiresAt}`,
      fix: 'let the optimiser propose again at its next run',
    });
  }
}
