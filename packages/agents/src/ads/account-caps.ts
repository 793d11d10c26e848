import { money } from '@growthhub/core';
import type { AdsAccountSnapshot, CampaignSnapshot, PausedBy } from './account-snapshot';
import type { CampaignProposal } from './campaign-proposal';
import type { GuardrailFinding } from './guarded-plan';
import type { ResolvedGuardrails } from './guardrail-settings';

/** One campaign's settings while the guardrails work on them. */
export interface Draft {
  readonly campaign: CampaignSnapshot;
  readonly proposal: CampaignProposal | undefined;
  status: 'active' | 'paused';
  pausedBy: PausedBy | undefined;
  budgetMinor: number;
  /** Lowest budget the change limits allow (used when the caps must cut). */
  floorMinor: number;
  shares: Record<string, number>;
  readonly findings: GuardrailFinding[];
}

/** Cuts increases first, then everything, until the active campaigns' budgets fit the daily cap. */
export function capDailyTotal(
  drafts: Draft[],
  guardrails: ResolvedGuardrails,
  findings: GuardrailFinding[],
): void {
  const cap = guardrails.settings.accountDailyCap.amountMinor;
  const active = drafts.filter((draft) => draft.status === 'active');
  let total = active.reduce((sum, draft) => sum + draft.budgetMinor, 0);
  if (total <= cap) return;
  const requested = new Map(active.map((draft) => [draft, draft.budgetMinor]));
  const increases = active.map((draft) =>
    Math.max(0, draft.budgetMinor - draft.campaign.dailyBudget.amountMinor),
  );
  const increaseTotal = increases.reduce((sum, value) => sum + value, 0);
  if (increaseTotal > 0) {
    const keep = Math.max(0, 1 - (total - cap) / increaseTotal);
    active.forEach((draft, index) => {
      draft.budgetMinor -= increases[index]! - Math.floor(increases[index]! * keep);
    });
    total = active.reduce((sum, draft) => sum + draft.budgetMinor, 0);
  }
  if (total > cap) {
    const factor = cap / total;
    for (const draft of active) draft.budgetMinor = Math.floor(draft.budgetMinor * factor);
  }
  for (const draft of active) {
    const before = requested.get(draft)!;
    if (draft.budgetMinor === before) continue;
    const finding: GuardrailFinding = {
      rule: 'account_daily_cap',
      outcome: 'clipped',
      campaignId: draft.campaign.id,
      subject: { kind: 'campaign', id: draft.campaign.id },
      reason: `the account's daily budgets would total more than the cap of ${cap} minor units`,
      requested: money(before, guardrails.currency),
      allowed: money(draft.budgetMinor, guardrails.currency),
    };
    draft.findings.push(finding);
    findings.push(finding);
  }
}

/**
 * Keeps worst-case spend (budgets × platform over-delivery) until the next review, or the flight end if
 * sooner, within what is left of the lifetime cap; pauses everything once nothing is left.
 */
export function capLifetime(
  snapshot: AdsAccountSnapshot,
  drafts: Draft[],
  guardrails: ResolvedGuardrails,
  findings: GuardrailFinding[],
): void {
  const cap = guardrails.settings.accountLifetimeCap;
  if (cap === undefined) return;
  const remaining = cap.amountMinor - snapshot.lifetimeSpent.amountMinor;
  let horizonMs = guardrails.settings.reviewIntervalHours * 3_600_000;
  if (snapshot.endsAt !== undefined)
    horizonMs = Math.min(horizonMs, Math.max(0, snapshot.endsAt - snapshot.now));
  const days = horizonMs / 86_400_000;
  const active = drafts.filter((draft) => draft.status === 'active');
  const worstCase = active.reduce(
    (sum, draft) =>
      sum + draft.budgetMinor * guardrails.rulesFor(draft.campaign.platform).dailyOverdelivery * days,
    0,
  );
  if (worstCase <= remaining) return;
  const factor = remaining > 0 && worstCase > 0 ? remaining / worstCase : 0;
  for (const draft of active) {
    const before = draft.budgetMinor;
    const allowed = Math.floor(before * factor);
    const pause = allowed < guardrails.minDailyBudgetMinor;
    if (pause) {
      draft.status = 'paused';
      draft.pausedBy = 'lifetime_cap';
    } else draft.budgetMinor = allowed;
    const finding: GuardrailFinding = {
      rule: 'account_lifetime_cap',
      outcome: pause ? 'forced' : 'clipped',
      campaignId: draft.campaign.id,
      subject: { kind: 'campaign', id: draft.campaign.id },
      reason: `worst-case spend before the next review would exceed the ${remaining} minor units left of the lifetime cap`,
      requested: money(before, guardrails.currency),
      allowed: pause ? 'paused' : money(allowed, guardrails.currency),
    };
    draft.findings.push(finding);
    findings.push(finding);
  }
}
