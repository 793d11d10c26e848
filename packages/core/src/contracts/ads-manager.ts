import { z } from 'zod';
import { AdObjectiveSchema } from '../model/ad-campaign';
import { AdCreativeSchema } from '../model/ad-creative';
import { IdSchema } from '../model/identifier';
import type { AdInsightsLevel, AdInsightsRow } from '../model/metrics';
import { type Money, MoneySchema } from '../model/money';
import { type GenericTargeting, GenericTargetingSchema } from '../model/targeting';
import type { DateRange } from '../model/time';
import type { PlatformRuleIssue } from './platform-rule-issue';
import type { CallOptions } from './social-publisher';

/** Daily or lifetime budget. */
export const BudgetSchema = z.discriminatedUnion('period', [
  z.strictObject({ period: z.literal('daily'), amount: MoneySchema }),
  z.strictObject({ period: z.literal('lifetime'), amount: MoneySchema }),
]);

/** Daily or lifetime budget; see {@link BudgetSchema}. */
export type Budget = z.infer<typeof BudgetSchema>;

/** One ad set (Meta) or ad group (TikTok, Google, Pinterest) of a plan. */
export const PlanAdSetSchema = z.strictObject({
  /** Plan-local key that `ads[].adSetKey` refers to. */
  key: z.string().min(1).max(100),
  name: z.string().min(1).max(400),
  targeting: GenericTargetingSchema,
  /** The ad set's own budget; required when the plan has no campaign budget. */
  budget: BudgetSchema.optional(),
  /** A bid cap, when the strategy uses one; absent means lowest-cost automatic bidding. */
  bidCap: MoneySchema.optional(),
});

/** One ad set or ad group of a plan; see {@link PlanAdSetSchema}. */
export type PlanAdSet = z.infer<typeof PlanAdSetSchema>;

/** One creative of a plan: copy and media, keyed by our `AdCreative` id. */
export const PlanCreativeSchema = z.strictObject({
  /** Our `AdCreative` id; `ads[].creativeKey` refers to it. */
  key: IdSchema,
  name: z.string().min(1).max(400),
  // The copy and media, with the same rules as the `AdCreative` they come from.
  ...AdCreativeSchema.pick({
    headline: true,
    primaryText: true,
    description: true,
    callToAction: true,
    destinationUrl: true,
    media: true,
  }).shape,
});

/** One creative of a plan; see {@link PlanCreativeSchema}. */
export type PlanCreative = z.infer<typeof PlanCreativeSchema>;

/** One ad of a plan: a creative placed in an ad set. */
export const PlanAdSchema = z.strictObject({
  name: z.string().min(1).max(400),
  adSetKey: z.string().min(1),
  creativeKey: IdSchema,
});

/** One ad of a plan; see {@link PlanAdSchema}. */
export type PlanAd = z.infer<typeof PlanAdSchema>;

/**
 * Everything `createCampaign` creates in one go: the campaign, its ad sets, creatives and ads.
 * Money is in the ad account's currency; the budget sits on the campaign (shared) or on each ad set.
 */
export const CampaignPlanSchema = z
  .strictObject({
    /** The connected ad account id. */
    adAccountId: IdSchema,
    name: z.string().min(1).max(400),
    objective: AdObjectiveSchema,
    /** Status after launch; `paused` lets a human review on the platform first. */
    initialStatus: z.enum(['active', 'paused']).default('paused'),
    /** Campaign-level (shared) budget; when absent every ad set carries its own. */
    campaignBudget: BudgetSchema.optional(),
    startAt: z.iso.datetime({ offset: true }).optional(),
    endAt: z.iso.datetime({ offset: true }).optional(),
    adSets: z.array(PlanAdSetSchema).min(1).max(30),
    creatives: z.array(PlanCreativeSchema).min(1).max(50),
    ads: z.array(PlanAdSchema).min(1).max(100),
  })
  .superRefine((plan, ctx) => {
    const adSetKeys = new Set(plan.adSets.map((adSet) => adSet.key));
    const creativeKeys = new Set(plan.creatives.map((creative) => creative.key));
    plan.ads.forEach((ad, index) => {
      if (!adSetKeys.has(ad.adSetKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ads', index, 'adSetKey'],
          message: `No ad set has key "${ad.adSetKey}".`,
        });
      }
      if (!creativeKeys.has(ad.creativeKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ads', index, 'creativeKey'],
          message: `No creative has key "${ad.creativeKey}".`,
        });
      }
    });
    plan.adSets.forEach((adSet, index) => {
      if (plan.campaignBudget === undefined && adSet.budget === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['adSets', index, 'budget'],
          message: 'Without a campaign budget, every ad set needs its own budget.',
        });
      }
      if (plan.campaignBudget !== undefined && adSet.budget !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['adSets', index, 'budget'],
          message: 'With a campaign budget, ad sets must not carry their own.',
        });
      }
    });
    const budgets = [plan.campaignBudget, ...plan.adSets.map((adSet) => adSet.budget)];
    if (budgets.some((budget) => budget?.period === 'lifetime') && plan.endAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'A lifetime budget needs `endAt`.' });
    }
    if (plan.campaignBudget !== undefined && plan.campaignBudget.amount.amountMinor <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['campaignBudget', 'amount'],
        message: 'A budget must be positive.',
      });
    }
    plan.adSets.forEach((adSet, index) => {
      if (adSet.budget !== undefined && adSet.budget.amount.amountMinor <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['adSets', index, 'budget', 'amount'],
          message: 'A budget must be positive.',
        });
      }
    });
  });

/** Everything `createCampaign` creates; see {@link CampaignPlanSchema}. */
export type CampaignPlan = z.infer<typeof CampaignPlanSchema>;

/** The platform ids `createCampaign` produced, keyed by the plan's keys. */
export interface CampaignLaunchResult {
  readonly campaignId: string;
  /** Google Ads campaign budget resource, when the platform keeps budgets apart. */
  readonly budgetId?: string;
  readonly adSets: readonly { readonly key: string; readonly platformId: string }[];
  readonly creatives: readonly { readonly key: string; readonly platformId: string }[];
  readonly ads: readonly {
    readonly adSetKey: string;
    readonly creativeKey: string;
    readonly platformId: string;
  }[];
}

/** A campaign, ad set (ad group) or ad on the platform. */
export interface AdEntityRef {
  readonly level: AdInsightsLevel;
  /** The platform's id of the entity. */
  readonly id: string;
  /** The ad account (advertiser, customer) that owns it; most platforms need it in the path. */
  readonly adAccountId: string;
}

/** Delivery states `setStatus` can set. */
export type AdDeliveryStatus = 'active' | 'paused' | 'archived';

/** Options for {@link AdsManager.getInsights}. */
export interface InsightsOptions extends CallOptions {
  readonly adAccountId: string;
  /** Limit to these campaigns (platform ids); all campaigns when absent. */
  readonly campaignIds?: readonly string[];
}

/** The platform's wire form of a targeting spec (Meta `targeting`, TikTok ad group fields, …). */
export type PlatformTargeting = Readonly<Record<string, unknown>>;

/** The result of {@link AdsManager.mapTargeting}: the wire form plus anything that could not be expressed. */
export interface TargetingMapping {
  readonly targeting: PlatformTargeting;
  /** Generic fields the platform cannot honour (warnings) or that make the spec unusable (errors). */
  readonly issues: readonly PlatformRuleIssue[];
}

/**
 * Low-level paid-ads operations for one connection, made by `PlatformAdapter.ads(ctx)`.
 * Guardrails, approvals and optimisation live in `@growthhub/agents`; adapters only translate.
 */
export interface AdsManager {
  /**
   * Creates the plan's campaign, ad sets, creatives and ads. If any step fails, everything already
   * created is deleted (or archived where deletion is impossible) before the error is thrown, so a
   * failed launch leaves nothing spending.
   */
  createCampaign(plan: CampaignPlan, options?: CallOptions): Promise<CampaignLaunchResult>;
  /** Activates, pauses or archives a campaign, ad set or ad. */
  setStatus(entity: AdEntityRef, status: AdDeliveryStatus, options?: CallOptions): Promise<void>;
  /** Sets the budget of a campaign (shared budget) or ad set, converted to the platform's unit. */
  updateBudget(entity: AdEntityRef, budget: Money, options?: UpdateBudgetOptions): Promise<void>;
  /** Stops one creative by pausing the ad that serves it (platform ad id). */
  pauseCreative(ad: AdEntityRef, options?: CallOptions): Promise<void>;
  /** Reads daily delivery rows at a level over an inclusive date range, money in minor units. */
  getInsights(
    range: DateRange,
    level: AdInsightsLevel,
    options: InsightsOptions,
  ): Promise<readonly AdInsightsRow[]>;
  /** Translates platform-neutral targeting into the platform's form (interest ids looked up where needed). */
  mapTargeting(generic: GenericTargeting, options?: CallOptions): Promise<TargetingMapping>;
}

/** Options for {@link AdsManager.updateBudget}. */
export interface UpdateBudgetOptions extends CallOptions {
  /** Which budget to set; default `daily`. */
  readonly period?: Budget['period'];
}
