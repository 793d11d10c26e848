import type { AdsPlatformId } from '@growthhub/core';
import { money } from '@growthhub/core';
import {
  type AdsAccountSnapshot,
  type CampaignSlot,
  type CampaignSnapshot,
  createSeededRandom,
  DEFAULT_SLOT_MS,
  type PerformanceSlot,
} from '../../src/ads/index';

/** One campaign of a synthetic account: true rates per creative and its budget path. */
export interface CampaignSpec {
  readonly platform?: AdsPlatformId;
  /** Daily budget per elapsed slot (minor units); a single number means constant. */
  readonly budgets: number | readonly number[];
  /** True CTR and CVR per creative. */
  readonly ctr: readonly number[];
  readonly cvr: readonly number[];
  /** Order value in minor units (default 8 000). */
  readonly orderValueMinor?: number;
  /** Impressions per unit of spend: impressions per slot = budget/4 × this (default 0.8 per cent). */
  readonly impressionsPerMinor?: number;
  /** Current learning flag (default false) and slots flagged as learning from launch (default 0). */
  readonly learning?: boolean;
  readonly learningSlots?: number;
  readonly status?: 'active' | 'paused';
  /** Current shares (default equal). */
  readonly shares?: readonly number[];
}

/**
 * Builds an account snapshot after `slots` six-hour slots of synthetic delivery drawn with our seeded
 * generator: impressions by spend, clicks and conversions by the given rates, conversions fully reported.
 * The same seed with more slots extends the same history.
 */
export function accountFixture(options: {
  readonly campaigns: readonly CampaignSpec[];
  readonly slots: number;
  readonly seed?: number;
  readonly currency?: string;
}): AdsAccountSnapshot {
  const currency = options.currency ?? 'USD';
  let lifetimeSpent = 0;
  const campaigns: CampaignSnapshot[] = options.campaigns.map((spec, index) => {
    // One stream per campaign, so a longer history extends a shorter one (a true sequence of looks).
    const random = createSeededRandom(options.seed ?? 1, index);
    const budgetAt = (slot: number): number =>
      typeof spec.budgets === 'number'
        ? spec.budgets
        : (spec.budgets[Math.min(slot, spec.budgets.length - 1)] ?? 0);
    const shares = spec.shares ?? spec.ctr.map(() => 1 / spec.ctr.length);
    const history: CampaignSlot[] = [];
    const creativeSlots: PerformanceSlot[][] = spec.ctr.map(() => []);
    for (let slot = 0; slot < options.slots; slot += 1) {
      const budget = budgetAt(slot);
      history.push({
        start: slot * DEFAULT_SLOT_MS,
        dailyBudgetMinor: budget,
        learning: slot < (spec.learningSlots ?? 0),
      });
      spec.ctr.forEach((ctr, k) => {
        const spend = Math.round((budget / 4) * shares[k]!);
        const impressions = random.poisson(spend * (spec.impressionsPerMinor ?? 0.8));
        const clicks = random.binomial(impressions, ctr);
        const conversions = random.binomial(clicks, spec.cvr[k]!);
        lifetimeSpent += spend;
        creativeSlots[k]!.push({
          start: slot * DEFAULT_SLOT_MS,
          share: shares[k]!,
          spendMinor: spend,
          impressions,
          clicks,
          conversions,
          revenueMinor: conversions * (spec.orderValueMinor ?? 8_000),
        });
      });
    }
    return {
      id: `campaign-${index}`,
      platform: spec.platform ?? 'meta',
      status: spec.status ?? 'active',
      dailyBudget: money(budgetAt(options.slots), currency),
      learning: spec.learning ?? false,
      launchedAt: 0,
      history,
      creatives: spec.ctr.map((_, k) => ({
        id: `campaign-${index}-creative-${k}`,
        share: shares[k]!,
        slots: creativeSlots[k]!,
      })),
    };
  });
  return {
    storeId: 'store-1',
    currency,
    now: options.slots * DEFAULT_SLOT_MS,
    slotMs: DEFAULT_SLOT_MS,
    lifetimeSpent: money(lifetimeSpent, currency),
    campaigns,
  };
}

/** Meta-style guardrail settings in USD with a daily cap of `dailyCapMinor`. */
export function usdGuardrails(dailyCapMinor: number, extra: Record<string, unknown> = {}) {
  return { accountDailyCap: money(dailyCapMinor, 'USD'), ...extra };
}
