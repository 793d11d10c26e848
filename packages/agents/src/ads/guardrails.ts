import { money, type OptimizationDecisionKind, toMajorString } from '@growthhub/core';
import type { AdsAccountSnapshot, CampaignSnapshot, PausedBy } from './account-snapshot';
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

interface Draft {
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

/** Cuts increases first, then everything, until the active campaigns' budgets fit the daily cap. */
function capDailyTotal(drafts: Draft[], guardrails: ResolvedGuardrails, findings: GuardrailFinding[]): void {
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
function capLifetime(
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

/**
 * Why the stop-loss fires, or undefined: after enough spend, even the upper `confidence` bound of the
 * campaign's reported conversions (Poisson, Wilson–Hilferty), valued at the account's average order,
 * gives a ROAS below `maxRoas`.
 */
function stopLossVerdict(
  campaign: CampaignSnapshot,
  budgetMinor: number,
  orderValue: number | undefined,
  stopLoss: { minSpendBudgetDays: number; maxRoas: number; confidence: number },
): string | undefined {
  if (orderValue === undefined) return undefined;
  let spend = 0;
  let conversions = 0;
  for (const creative of campaign.creatives) {
    for (const slot of creative.slots) {
      spend += slot.spendMinor;
      conversions += slot.conversions;
    }
  }
  if (spend <= 0 || spend < stopLoss.minSpendBudgetDays * budgetMinor) return undefined;
  const shape = conversions + 1;
  const z = normalQuantile(stopLoss.confidence);
  const upperConversions = shape * (1 - 1 / (9 * shape) + z * Math.sqrt(1 / (9 * shape))) ** 3;
  const upperRoas = (upperConversions * orderValue) / spend;
  if (upperRoas >= stopLoss.maxRoas) return undefined;
  return `${conversions} conversions after ${spend} minor units of spend: ROAS is below ${upperRoas.toFixed(2)} at ${stopLoss.confidence} confidence, under the stop-loss of ${stopLoss.maxRoas}`;
}

/** Reported revenue per reported conversion across the account, or undefined before any conversion. */
function accountOrderValue(snapshot: AdsAccountSnapshot): number | undefined {
  let revenue = 0;
  let conversions = 0;
  for (const campaign of snapshot.campaigns) {
    for (const creative of campaign.creatives) {
      for (const slot of creative.slots) {
        revenue += slot.revenueMinor;
        conversions += slot.conversions;
      }
    }
  }
  return conversions > 0 ? revenue / conversions : undefined;
}

/** The standard Normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
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
