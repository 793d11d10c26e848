/**
 * Drives an SDK `AdsPolicy` through the simulator the way the engine runs it in production: every slot
 * it builds an `AdsAccountSnapshot` (money in integer cents, one history entry per elapsed slot, reports
 * as known so far), asks the policy for proposals, passes them through `enforceGuardrails`, and applies
 * only the resulting `GuardedPlan`.
 */
import {
  type AdsAccountSnapshot,
  type AdsPolicy,
  assertGuardedPlan,
  type CampaignSlot,
  type CampaignSnapshot,
  enforceGuardrails,
  type GuardedPlan,
  type PerformanceSlot,
  type ResolvedGuardrails,
  resolveGuardrailSettings,
} from '@growthhub/agents';
import { money } from '@growthhub/core';
import type { Controller, ForecastPoint, RunView, SlotAction } from './simulator.mts';
import { CAMPAIGNS, CREATIVES, MAX_DELAY, SLOTS, type World } from './world.mts';

const N = CAMPAIGNS;
const K = CREATIVES;
const T = SLOTS;
const SLOT_MS = 6 * 3_600_000;
const CURRENCY = 'USD';

/** A controller running `policy` behind the SDK's guardrails with the benchmark's limits. */
export function sdkController<Memory>(world: World, name: string, policy: AdsPolicy<Memory>): Controller {
  const guardrails = benchGuardrails(world.scenario.dailyCap, world.scenario.lifetimeCap);
  const launchBudget = Math.round((world.scenario.dailyCap / N) * 100);
  const campaigns: MutableCampaign[] = [];
  for (let i = 0; i < N; i += 1) {
    campaigns.push({
      id: `campaign-${i}`,
      platform: 'meta',
      status: 'active',
      dailyBudget: money(launchBudget, CURRENCY),
      learning: true,
      launchedAt: 0,
      history: [],
      creatives: Array.from({ length: K }, (_, k) => ({
        id: `campaign-${i}-creative-${k}`,
        share: 1 / K,
        slots: [],
      })),
    });
  }
  let memory: Memory | undefined;
  const concluded = new Array<boolean>(N).fill(false);
  const snapshotAt = (t: number, view: RunView): AdsAccountSnapshot => {
    syncHistory(t, view, campaigns);
    return {
      storeId: 'bench',
      currency: CURRENCY,
      now: t * SLOT_MS,
      slotMs: SLOT_MS,
      lifetimeSpent: money(Math.round(view.lifetimeSpend * 100), CURRENCY),
      endsAt: T * SLOT_MS,
      campaigns,
    };
  };
  return {
    name,
    decide(t, view) {
      const snapshot = snapshotAt(t, view);
      if (t > 0) {
        const decision = policy.decide({ snapshot, guardrails, memory });
        memory = decision.memory;
        apply(enforceGuardrails(snapshot, decision.proposals, guardrails), campaigns, concluded);
      }
      return toAction(campaigns);
    },
    testConcluded: () => [...concluded],
    forecast(t, view, multipliers) {
      const snapshot = snapshotAt(t, view);
      const points: ForecastPoint[] = [];
      campaigns.forEach((campaign, i) => {
        if (campaign.status !== 'active') return;
        for (const forecast of policy.forecast(
          { snapshot, guardrails, memory },
          { campaignId: campaign.id, multipliers },
        )) {
          points.push({
            campaign: i,
            multiplier: forecast.multiplier,
            mean: forecast.revenueMinor / 100,
            ...(forecast.revenueLowMinor === undefined ? {} : { low: forecast.revenueLowMinor / 100 }),
            ...(forecast.revenueHighMinor === undefined ? {} : { high: forecast.revenueHighMinor / 100 }),
          });
        }
      });
      return points;
    },
  };
}

/** The benchmark's limits as SDK guardrail settings (Meta rules: ±20 % and +$100 a day, $10 minimum). */
export function benchGuardrails(dailyCap: number, lifetimeCap: number): ResolvedGuardrails {
  return resolveGuardrailSettings({
    accountDailyCap: money(Math.round(dailyCap * 100), CURRENCY),
    accountLifetimeCap: money(Math.round(lifetimeCap * 100), CURRENCY),
    minDailyBudget: money(1_000, CURRENCY),
    reviewIntervalHours: 6,
  });
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };
type MutableCampaign = Mutable<Omit<CampaignSnapshot, 'history' | 'creatives'>> & {
  history: CampaignSlot[];
  creatives: { id: string; share: number; slots: Mutable<PerformanceSlot>[] }[];
};

/** Appends slot t−1 and refreshes the reports of the slots still developing. */
function syncHistory(t: number, view: RunView, campaigns: MutableCampaign[]): void {
  campaigns.forEach((campaign, i) => {
    campaign.learning = view.learning[i * T + t] === 1;
    while (campaign.history.length < t) {
      const tau = campaign.history.length;
      campaign.history.push({
        start: tau * SLOT_MS,
        dailyBudgetMinor: Math.round(view.budgets[i * T + tau]! * 100),
        learning: view.learning[i * T + tau] === 1,
      });
      campaign.creatives.forEach((creative, k) => {
        const at = (i * K + k) * T + tau;
        creative.slots.push({
          start: tau * SLOT_MS,
          share: view.shares[at]!,
          spendMinor: Math.round(view.spend[at]! * 100),
          impressions: view.impressions[at]!,
          clicks: view.clicks[at]!,
          conversions: 0,
          revenueMinor: 0,
        });
      });
    }
    campaign.creatives.forEach((creative, k) => {
      for (let tau = Math.max(0, t - MAX_DELAY - 2); tau < t; tau += 1) {
        const slot = creative.slots[tau]!;
        const at = (i * K + k) * T + tau;
        slot.conversions = view.reportedConversions[at]!;
        slot.revenueMinor = Math.round(view.reportedRevenue[at]! * 100);
      }
    });
  });
}

function apply(plan: GuardedPlan, campaigns: MutableCampaign[], concluded: boolean[]): void {
  assertGuardedPlan(plan);
  for (const action of plan.actions) {
    const index = campaigns.findIndex((candidate) => candidate.id === action.campaignId);
    const campaign = campaigns[index];
    if (campaign === undefined) continue;
    if (action.evidence.creativeTestConcluded === 1) concluded[index] = true;
    campaign.status = action.after.status;
    campaign.dailyBudget = action.after.dailyBudget;
    for (const creative of campaign.creatives)
      creative.share = action.after.creativeShares[creative.id] ?? creative.share;
  }
}

function toAction(campaigns: MutableCampaign[]): SlotAction {
  const budgets = new Float64Array(N);
  const shares = new Float64Array(N * K);
  campaigns.forEach((campaign, i) => {
    budgets[i] = campaign.status === 'active' ? campaign.dailyBudget.amountMinor / 100 : 0;
    campaign.creatives.forEach((creative, k) => {
      shares[i * K + k] = creative.share;
    });
  });
  return { budgets, shares };
}
