import { money, type OptimizationDecisionKind, toMajorString } from '@growthhub/core';
import { capDailyTotal, capLifetime, type Draft } from './account-caps';
import type { AdsAccountSnapshot, CampaignSnapshot } from './account-snapshot';
import { budgetLimits, hasMinimumEvidence } from './budget-limits';
import {
  type CampaignProposal,
  type CampaignProposalInput,
  CampaignProposalSchema,
} from './campaign-proposal';
import {
  type GuardedAction,
  type GuardedPlan,
  type GuardrailFinding,
  type GuardrailRule,
  issueGuardedPlan,
} from './guarded-plan';
import {
  type GuardrailSettingsInput,
  type ResolvedGuardrails,
  resolveGuardrailSettings,
} from './guardrail-settings';
import { accountOrderValue, stopLossVerdict } from './stop-loss';

/**
 * Passes proposals (from a policy, a language model or a human) through every guardrail and returns the
 * only applicable form of them, a {@link GuardedPlan}. Budgets are clipped to the platform's change
 * limits, the campaign minimum and maximum and the account's daily and lifetime caps; pauses and
 * significant edits during learning and actions without minimum evidence are refused; the stop-loss
 * pauses reversibly. Every intervention is a finding with the requested and allowed values. Proposals
 * are validated with {@link CampaignProposalSchema}; an invalid one is refused, never guessed at.
 *
 * Pure: the same snapshot, proposals and settings always give the same plan.
 */
export function enforceGuardrails(
  snapshot: AdsAccountSnapshot,
  proposals: readonly (CampaignProposal | CampaignProposalInput)[],
  guardrails: ResolvedGuardrails | GuardrailSettingsInput,
): GuardedPlan {
  const resolved = 'rulesFor' in guardrails ? guardrails : resolveGuardrailSettings(guardrails);
  const findings: GuardrailFinding[] = [];
  const byCampaign = indexProposals(snapshot, proposals, findings);
  const orderValue = accountOrderValue(snapshot);
  const drafts = snapshot.campaigns.map((campaign) =>
    draftFor(snapshot, campaign, byCampaign.get(campaign.id), resolved, orderValue, findings),
  );
  capDailyTotal(drafts, resolved, findings);
  capLifetime(snapshot, drafts, resolved, findings);
  const actions: GuardedAction[] = [];
  for (const draft of drafts) {
    if (draft.proposal === undefined && draft.findings.length === 0) continue;
    actions.push(toAction(snapshot.currency, draft));
  }
  return issueGuardedPlan(snapshot.now, actions, findings);
}

function indexProposals(
  snapshot: AdsAccountSnapshot,
  proposals: readonly (CampaignProposal | CampaignProposalInput)[],
  findings: GuardrailFinding[],
): Map<string, CampaignProposal> {
  const known = new Set(snapshot.campaigns.map((campaign) => campaign.id));
  const byCampaign = new Map<string, CampaignProposal>();
  for (const input of proposals) {
    const parsed = CampaignProposalSchema.safeParse(input);
    const campaignId = typeof input?.campaignId === 'string' ? input.campaignId : '?';
    const refuse = (reason: string): void => {
      findings.push({
        rule: 'invalid_proposal',
        outcome: 'refused',
        campaignId,
        subject: { kind: 'campaign', id: campaignId },
        reason,
      });
    };
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(
        `invalid proposal at ${issue?.path.join('.') || 'proposal'}: ${issue?.message ?? 'rejected by schema'}`,
      );
    } else if (!known.has(parsed.data.campaignId)) refuse('unknown campaign');
    else if (byCampaign.has(parsed.data.campaignId)) refuse('a second proposal for the same campaign');
    else if (parsed.data.dailyBudget && parsed.data.dailyBudget.currency !== snapshot.currency) {
      refuse(`budget in ${parsed.data.dailyBudget.currency}, account currency is ${snapshot.currency}`);
    } else byCampaign.set(parsed.data.campaignId, parsed.data);
  }
  return byCampaign;
}

function draftFor(
  snapshot: AdsAccountSnapshot,
  campaign: CampaignSnapshot,
  proposal: CampaignProposal | undefined,
  guardrails: ResolvedGuardrails,
  accountOrderValue: number | undefined,
  allFindings: GuardrailFinding[],
): Draft {
  const limits = budgetLimits(campaign, snapshot.now, snapshot.slotMs, guardrails);
  const rules = guardrails.rulesFor(campaign.platform);
  const shares: Record<string, number> = {};
  for (const creative of campaign.creatives) shares[creative.id] = creative.share;
  const draft: Draft = {
    campaign,
    proposal,
    status: campaign.status,
    pausedBy: campaign.pausedBy,
    budgetMinor: campaign.dailyBudget.amountMinor,
    floorMinor: limits.minMinor,
    shares,
    findings: [],
  };
  const note = (
    finding: Omit<GuardrailFinding, 'campaignId' | 'subject'> & Partial<GuardrailFinding>,
  ): void => {
    const full: GuardrailFinding = {
      campaignId: campaign.id,
      subject: { kind: 'campaign', id: campaign.id },
      ...finding,
    };
    draft.findings.push(full);
    allFindings.push(full);
  };
  const protectLearning = campaign.learning && rules.protectLearningPhase;
  const evidence = hasMinimumEvidence(campaign, snapshot.now, guardrails.settings.minEvidence.pause);

  if (proposal?.status === 'paused' && campaign.status === 'active') {
    if (protectLearning)
      note({ rule: 'learning_phase', outcome: 'refused', reason: 'pausing during the learning phase' });
    else if (!evidence)
      note({ rule: 'min_evidence', outcome: 'refused', reason: 'pausing before minimum evidence' });
    else {
      draft.status = 'paused';
      draft.pausedBy = proposal.source === 'human' ? 'human' : 'policy';
    }
  } else if (proposal?.status === 'active' && campaign.status === 'paused') {
    draft.status = 'active';
    draft.pausedBy = undefined;
  }

  if (proposal?.dailyBudget !== undefined) {
    const requested = proposal.dailyBudget.amountMinor;
    const resumed = campaign.status === 'paused' && draft.status === 'active';
    const low = resumed ? guardrails.minDailyBudgetMinor : limits.minMinor;
    const high = resumed
      ? Math.max(low, Math.min(limits.referenceMinor, guardrails.maxDailyBudgetMinor))
      : limits.maxMinor;
    const allowed = Math.min(high, Math.max(low, requested));
    draft.budgetMinor = allowed;
    if (allowed !== requested) {
      note({
        rule: clipRule(requested, allowed, limits.frozenBy, guardrails),
        outcome: 'clipped',
        reason: clipReason(requested, allowed, limits.referenceMinor, snapshot.currency),
        requested: money(requested, snapshot.currency),
        allowed: money(allowed, snapshot.currency),
      });
    }
  }

  if (proposal?.creativeShares !== undefined)
    applyShares(snapshot, campaign, proposal, draft, protectLearning, guardrails, note);

  const stopLoss = guardrails.settings.stopLoss;
  if (stopLoss !== false && draft.status === 'active' && !protectLearning) {
    const verdict = stopLossVerdict(campaign, draft.budgetMinor, accountOrderValue, stopLoss);
    if (verdict !== undefined) {
      draft.status = 'paused';
      draft.pausedBy = 'stop_loss';
      note({
        rule: 'stop_loss',
        outcome: 'forced',
        reason: verdict,
        requested: proposal?.status ?? campaign.status,
        allowed: 'paused',
      });
    }
  }
  return draft;
}

function applyShares(
  snapshot: AdsAccountSnapshot,
  campaign: CampaignSnapshot,
  proposal: CampaignProposal,
  draft: Draft,
  protectLearning: boolean,
  guardrails: ResolvedGuardrails,
  note: (finding: Omit<GuardrailFinding, 'campaignId' | 'subject'> & Partial<GuardrailFinding>) => void,
): void {
  const wanted = proposal.creativeShares ?? {};
  const evidence = guardrails.settings.minEvidence.pause;
  const oldEnough = snapshot.now - campaign.launchedAt >= evidence.ageHours * 3_600_000;
  const next: Record<string, number> = {};
  for (const creative of campaign.creatives) {
    const requested = wanted[creative.id] ?? creative.share;
    const subject = { kind: 'creative' as const, id: creative.id };
    if (creative.share > 0 && requested === 0) {
      let spend = 0;
      for (const slot of creative.slots) spend += slot.spendMinor;
      if (protectLearning) {
        note({
          rule: 'learning_phase',
          outcome: 'refused',
          subject,
          reason: 'pausing a creative during learning',
        });
        next[creative.id] = creative.share;
        continue;
      }
      if (!oldEnough || spend < evidence.spendMinor) {
        note({
          rule: 'min_evidence',
          outcome: 'refused',
          subject,
          reason: `pausing a creative with ${spend} minor units of spend or a campaign younger than ${evidence.ageHours} h`,
        });
        next[creative.id] = creative.share;
        continue;
      }
    }
    if (creative.share === 0 && requested > 0 && protectLearning) {
      note({
        rule: 'learning_phase',
        outcome: 'refused',
        subject,
        reason: 'resuming a creative during learning',
      });
      next[creative.id] = 0;
      continue;
    }
    next[creative.id] = requested;
  }
  for (const id of Object.keys(wanted)) {
    if (!(id in next))
      note({ rule: 'invalid_proposal', outcome: 'refused', reason: `unknown creative ${id}` });
  }
  const total = Object.values(next).reduce((sum, share) => sum + share, 0);
  if (total <= 0) {
    note({
      rule: 'invalid_proposal',
      outcome: 'refused',
      reason: 'creative shares would leave no creative running',
    });
    return;
  }
  for (const id of Object.keys(next)) draft.shares[id] = next[id]! / total;
}

function toAction(currency: string, draft: Draft): GuardedAction {
  const campaign = draft.campaign;
  const beforeShares: Record<string, number> = {};
  for (const creative of campaign.creatives) beforeShares[creative.id] = creative.share;
  const decisions: OptimizationDecisionKind[] = [];
  if (campaign.status === 'active' && draft.status === 'paused') decisions.push('pause_campaign');
  if (campaign.status === 'paused' && draft.status === 'active') decisions.push('resume_campaign');
  const budgetBefore = campaign.dailyBudget.amountMinor;
  if (draft.budgetMinor > budgetBefore) decisions.push('increase_budget');
  else if (draft.budgetMinor < budgetBefore) decisions.push('decrease_budget');
  let sharesMoved = false;
  for (const creative of campaign.creatives) {
    const after = draft.shares[creative.id]!;
    if (creative.share > 0 && after === 0) decisions.push('pause_creative');
    else if (creative.share === 0 && after > 0) decisions.push('resume_creative');
    else if (Math.abs(after - creative.share) > 1e-9) sharesMoved = true;
  }
  if (sharesMoved) decisions.push('reallocate_budget');
  if (decisions.length === 0) decisions.push('hold_budget');
  const after = {
    status: draft.status,
    dailyBudget: money(draft.budgetMinor, currency),
    creativeShares: draft.shares,
    ...(draft.status === 'paused' && draft.pausedBy !== undefined ? { pausedBy: draft.pausedBy } : {}),
  };
  return {
    campaignId: campaign.id,
    before: { status: campaign.status, dailyBudget: campaign.dailyBudget, creativeShares: beforeShares },
    after,
    decisions,
    reason: draft.proposal?.reason ?? draft.findings.map((finding) => finding.reason).join('; '),
    confidence: draft.proposal?.confidence ?? 1,
    source: draft.proposal?.source ?? 'guardrail',
    evidence: draft.proposal?.evidence ?? {},
    findings: draft.findings,
  };
}

function clipRule(
  requested: number,
  allowed: number,
  frozenBy: GuardrailRule | undefined,
  guardrails: ResolvedGuardrails,
): GuardrailRule {
  if (frozenBy !== undefined) return frozenBy;
  if (allowed === guardrails.minDailyBudgetMinor && requested < allowed) return 'min_daily_budget';
  if (allowed === guardrails.maxDailyBudgetMinor && requested > allowed) return 'max_daily_budget';
  return 'max_budget_change';
}

function clipReason(requested: number, allowed: number, reference: number, currency: string): string {
  const change = reference > 0 ? ((requested - reference) / reference) * 100 : 0;
  return `asked for ${formatMinor(requested, currency)} (${change >= 0 ? '+' : ''}${change.toFixed(0)} % on ${formatMinor(reference, currency)}); allowed ${formatMinor(allowed, currency)}`;
}

function formatMinor(amountMinor: number, currency: string): string {
  return `${toMajorString(money(amountMinor, currency))} ${currency}`;
}
