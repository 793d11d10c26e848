import { money } from '@growthhub/core';
import type { AdsAccountSnapshot, CampaignSnapshot } from './account-snapshot';
import type { AdsPolicy, BudgetForecast, ForecastRequest, PolicyContext, PolicyDecision } from './ads-policy';
import type { CampaignProposal } from './campaign-proposal';
import { standardNormalCdf } from './creative-selection';

/** Which of the seed plan's rules run (all by default). */
export interface SeedRulesOptions {
  /** Pause a creative that loses a one-sided z-test on conversions per impression (p < 0.05, ≥ 1 000 impressions each). */
  readonly creativeTest?: boolean;
  /** The 6-hourly trailing-72-hour ROAS rules. */
  readonly budgetRules?: boolean;
  /** The daily ROAS-weighted allocation from day 3. */
  readonly allocation?: boolean;
  /** The allocation's floor, minor units (default 1 000: 10.00 a day). */
  readonly minDailyBudgetMinor?: number;
}

/** The seed policy's name in optimisation logs. */
export const SEED_RULES_POLICY = 'seedRulesPolicy';

/**
 * The seed plan's rules, shipped as the baseline the default policy is measured against (and for users
 * who want simple, explainable rules). At every run, for each campaign past its "learning phase" (spend
 * under 50.00 or age under three days):
 * - creative test: the leader has the most reported conversions per impression; a creative is paused
 *   when both have 1 000 impressions and a one-sided two-proportion z-test gives p < 0.05; each pause
 *   raises the campaign budget by 20 %;
 * - budget rules on trailing-72-hour reported ROAS: ≥ 3 → +20 % (at most +100.00), ≥ 2 → +10 % (at
 *   most +100.00), ≥ 1 → hold, < 0.5 → pause, otherwise −20 %;
 * - once a day from day 3: b_i = max(10.00, daily cap × ROAS_i / Σ ROAS) on lifetime reported ROAS;
 * - budgets are scaled down proportionally when they exceed the daily cap.
 * Its forecast is linear in budget up to 2× and adds half as much per unit beyond. It has no memory.
 * Like every policy its proposals only take effect through `enforceGuardrails`.
 */
export function seedRulesPolicy(options: SeedRulesOptions = {}): AdsPolicy<null> {
  const parts = { creativeTest: true, budgetRules: true, allocation: true, ...options };
  const floor = options.minDailyBudgetMinor ?? 1_000;
  return {
    name: SEED_RULES_POLICY,
    decide({ snapshot, guardrails }: PolicyContext<null>): PolicyDecision<null> {
      const cap = guardrails.settings.accountDailyCap.amountMinor;
      const day = 86_400_000;
      const drafts = snapshot.campaigns
        .filter((campaign) => campaign.status === 'active')
        .map((campaign) => ({
          campaign,
          budget: campaign.dailyBudget.amountMinor,
          shares: Object.fromEntries(campaign.creatives.map((creative) => [creative.id, creative.share])),
          pause: false,
          reasons: [] as string[],
        }));
      for (const draft of drafts) {
        const { campaign } = draft;
        if (totals(campaign, 0).spend < 5_000 || snapshot.now - campaign.launchedAt < 3 * day) continue;
        if (parts.creativeTest) {
          for (const loser of creativeLosers(campaign)) {
            draft.shares[loser] = 0;
            draft.budget = Math.round(draft.budget * 1.2);
            draft.reasons.push(`creative ${loser} loses the z-test (p < 0.05): paused, budget +20 %`);
          }
        }
        if (parts.budgetRules) {
          const roas = reportedRoas(campaign, snapshot.now - 3 * day);
          const budget = draft.budget;
          if (roas >= 3) draft.budget = budget + Math.min(Math.round(budget * 0.2), 10_000);
          else if (roas >= 2) draft.budget = budget + Math.min(Math.round(budget * 0.1), 10_000);
          else if (roas < 0.5) draft.pause = true;
          else if (roas < 1) draft.budget = Math.round(budget * 0.8);
          draft.reasons.push(`72-hour ROAS ${roas.toFixed(2)}`);
        }
      }
      const allocationDue = parts.allocation && isFirstRunOfDay(snapshot);
      if (allocationDue) {
        const eligible = drafts.filter(
          (draft) => !draft.pause && snapshot.now - draft.campaign.launchedAt >= 3 * day,
        );
        const roas = eligible.map((draft) => reportedRoas(draft.campaign, Number.NEGATIVE_INFINITY));
        const sum = roas.reduce((total, value) => total + value, 0);
        eligible.forEach((draft, index) => {
          draft.budget = Math.max(
            floor,
            sum > 0 ? Math.round((cap * roas[index]!) / sum) : Math.round(cap / eligible.length),
          );
          draft.reasons.push(
            `lifetime ROAS ${roas[index]!.toFixed(2)} of ${sum.toFixed(2)}: ROAS-weighted share of the cap`,
          );
        });
      }
      const running = drafts.filter((draft) => !draft.pause);
      const total = running.reduce((sum, draft) => sum + draft.budget, 0);
      if (total > cap) for (const draft of running) draft.budget = Math.floor((draft.budget * cap) / total);

      const proposals: CampaignProposal[] = [];
      for (const draft of drafts) {
        if (draft.reasons.length === 0) continue;
        proposals.push({
          campaignId: draft.campaign.id,
          ...(draft.pause
            ? { status: 'paused' as const }
            : { dailyBudget: money(draft.budget, snapshot.currency) }),
          creativeShares: draft.shares,
          reason: draft.reasons.join('; '),
          confidence: 0.5,
          source: 'policy',
        });
      }
      return { proposals, memory: null };
    },

    forecast({ snapshot }: PolicyContext<null>, request: ForecastRequest): BudgetForecast[] {
      const campaign = snapshot.campaigns.find((candidate) => candidate.id === request.campaignId);
      if (campaign === undefined) return [];
      const horizonDays = request.horizonDays ?? 7;
      const recent = totals(campaign, snapshot.now - 7 * 86_400_000);
      const days = Math.min(7, Math.max(1 / 4, (snapshot.now - campaign.launchedAt) / 86_400_000));
      return request.multipliers.map((multiplier) => {
        const scale = multiplier <= 2 ? multiplier : 2 + 0.5 * (multiplier - 2);
        return {
          campaignId: campaign.id,
          multiplier,
          dailyBudgetMinor: Math.round(campaign.dailyBudget.amountMinor * multiplier),
          horizonDays,
          revenueMinor: Math.round((recent.revenue / days) * horizonDays * scale),
          conversions: (recent.conversions / days) * horizonDays * scale,
        };
      });
    },
  };
}

/** Spend, reported revenue and conversions of slots starting at or after `since`. */
function totals(
  campaign: CampaignSnapshot,
  since: number,
): { spend: number; revenue: number; conversions: number } {
  const result = { spend: 0, revenue: 0, conversions: 0 };
  for (const creative of campaign.creatives) {
    for (const slot of creative.slots) {
      if (slot.start < since) continue;
      result.spend += slot.spendMinor;
      result.revenue += slot.revenueMinor;
      result.conversions += slot.conversions;
    }
  }
  return result;
}

function reportedRoas(campaign: CampaignSnapshot, since: number): number {
  const { spend, revenue } = totals(campaign, since);
  return spend > 0 ? revenue / spend : 0;
}

/** The creatives that lose the seed's z-test against the leader on conversions per impression. */
function creativeLosers(campaign: CampaignSnapshot): string[] {
  const live = campaign.creatives
    .filter((creative) => creative.share > 0)
    .map((creative) => {
      let impressions = 0;
      let conversions = 0;
      for (const slot of creative.slots) {
        impressions += slot.impressions;
        conversions += slot.conversions;
      }
      return {
        id: creative.id,
        impressions,
        conversions,
        rate: impressions > 0 ? conversions / impressions : 0,
      };
    });
  const leader = live.reduce<(typeof live)[number] | undefined>(
    (best, creative) => (best === undefined || creative.rate > best.rate ? creative : best),
    undefined,
  );
  if (leader === undefined || leader.impressions < 1_000) return [];
  return live
    .filter((creative) => creative !== leader && creative.impressions >= 1_000)
    .filter((creative) => {
      const pooled =
        (leader.conversions + creative.conversions) / (leader.impressions + creative.impressions);
      const variance = pooled * (1 - pooled) * (1 / leader.impressions + 1 / creative.impressions);
      if (variance <= 0) return false;
      const z = (leader.rate - creative.rate) / Math.sqrt(variance);
      return 1 - standardNormalCdf(z) < 0.05;
    })
    .map((creative) => creative.id);
}

/** True at the first run of each day since launch of the account's earliest campaign. */
function isFirstRunOfDay(snapshot: AdsAccountSnapshot): boolean {
  const start = Math.min(...snapshot.campaigns.map((campaign) => campaign.launchedAt));
  return (snapshot.now - start) % 86_400_000 < snapshot.slotMs;
}
