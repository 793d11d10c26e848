import type { AdsAccountSnapshot } from './account-snapshot';
import type { ApprovalRequest } from './approval-request';
import type { CampaignProposal } from './campaign-proposal';

/** Share differences below this are rounding, not a change. */
const SHARE_TOLERANCE = 1e-9;

/**
 * Why a request no longer describes the campaign: the campaign is gone, or its status, daily budget or
 * creative shares differ from the `preview.before` the reviewer saw. `undefined` while it still matches,
 * so approving it applies exactly the change that was shown.
 */
export function staleApprovalReason(
  request: ApprovalRequest,
  snapshot: AdsAccountSnapshot,
): string | undefined {
  const campaign = snapshot.campaigns.find((candidate) => candidate.id === request.campaignId);
  if (campaign === undefined) return `stale: campaign ${request.campaignId} is no longer in the account`;
  const before = request.preview.before;
  const changed: string[] = [];
  if (campaign.status !== before.status) changed.push(`status is ${campaign.status}, not ${before.status}`);
  if (
    campaign.dailyBudget.amountMinor !== before.dailyBudget.amountMinor ||
    campaign.dailyBudget.currency !== before.dailyBudget.currency
  ) {
    changed.push(
      `daily budget is ${campaign.dailyBudget.amountMinor} ${campaign.dailyBudget.currency} minor units, not ${before.dailyBudget.amountMinor}`,
    );
  }
  const shownIds = Object.keys(before.creativeShares);
  const sameCreatives =
    shownIds.length === campaign.creatives.length &&
    campaign.creatives.every(
      (creative) =>
        before.creativeShares[creative.id] !== undefined &&
        Math.abs(before.creativeShares[creative.id]! - creative.share) <= SHARE_TOLERANCE,
    );
  if (!sameCreatives) changed.push('creative shares differ');
  if (changed.length === 0) return undefined;
  return `stale: campaign ${request.campaignId} changed since the preview (${changed.join('; ')}); let the optimiser propose again`;
}

/**
 * The request's proposal limited to what its preview showed: each field the proposal sets takes the
 * preview's `after` value (the guardrail-clipped budget, status and shares), so approving can never
 * apply more than the reviewer saw, even when the account's limits moved since.
 */
export function previewedProposal(request: ApprovalRequest): CampaignProposal {
  const { proposal, preview } = request;
  return {
    ...proposal,
    ...(proposal.dailyBudget === undefined ? {} : { dailyBudget: preview.after.dailyBudget }),
    ...(proposal.status === undefined ? {} : { status: preview.after.status }),
    ...(proposal.creativeShares === undefined ? {} : { creativeShares: { ...preview.after.creativeShares } }),
    source: 'human',
  };
}
