import { z } from 'zod';
import { IdSchema, RecordedErrorSchema } from './identifier';
import { MoneySchema } from './money';
import { AdsPlatformIdSchema } from './platform';
import { GenericTargetingSchema } from './targeting';
import { IsoDateTimeSchema } from './time';

/**
 * What a campaign optimises for, platform-neutral. Adapters map it (Meta `OUTCOME_*`, TikTok
 * `objective_type`, Pinterest `objective_type`, Google channel + bidding) and list the ones they
 * support in `PlatformCapabilities.ads.objectives`.
 */
export const AdObjectiveSchema = z.enum([
  'awareness',
  'traffic',
  'engagement',
  'video_views',
  'leads',
  'app_promotion',
  'sales',
  'catalog_sales',
]);

/** What a campaign optimises for; see {@link AdObjectiveSchema}. */
export type AdObjective = z.infer<typeof AdObjectiveSchema>;

/**
 * Where a campaign is: `draft` (planned), `pending_approval` (waiting for a human), `launching`
 * (being created on the platform), `active`, `paused`, `completed` (ended), `archived`, `failed`
 * (launch failed and was rolled back).
 */
export const AdCampaignStatusSchema = z.enum([
  'draft',
  'pending_approval',
  'launching',
  'active',
  'paused',
  'completed',
  'archived',
  'failed',
]);

/** Where a campaign is; see {@link AdCampaignStatusSchema}. */
export type AdCampaignStatus = z.infer<typeof AdCampaignStatusSchema>;

/** The platform's ids for everything a launched campaign created. */
export const AdPlatformRefsSchema = z.strictObject({
  campaignId: IdSchema,
  /** Google Ads campaign budget resource, when separate from the campaign. */
  budgetId: IdSchema.optional(),
  /** Ad sets (Meta) / ad groups (TikTok, Google, Pinterest). */
  adSetIds: z.array(IdSchema).default([]),
  adIds: z.array(IdSchema).default([]),
  creativeIds: z.array(IdSchema).default([]),
});

/** The platform's ids for a launched campaign; see {@link AdPlatformRefsSchema}. */
export type AdPlatformRefs = z.infer<typeof AdPlatformRefsSchema>;

/**
 * A paid campaign. Exactly one of `dailyBudget` and `lifetimeBudget` is set, in the ad account's
 * currency as integer minor units; a lifetime budget needs `endAt`.
 */
export const AdCampaignSchema = z
  .strictObject({
    id: IdSchema,
    storeId: IdSchema,
    platform: AdsPlatformIdSchema,
    connectionId: IdSchema,
    /** The connected ad account (`act_…`, advertiser id, customer id, Pinterest ad account id). */
    adAccountId: IdSchema,
    name: z.string().min(1).max(400),
    objective: AdObjectiveSchema,
    status: AdCampaignStatusSchema,
    dailyBudget: MoneySchema.optional(),
    lifetimeBudget: MoneySchema.optional(),
    targeting: GenericTargetingSchema,
    /** Our `AdCreative` ids used by the campaign. */
    creativeIds: z.array(IdSchema).default([]),
    /** Landing page the ads send people to. */
    destinationUrl: z.url({ protocol: /^https?$/ }).optional(),
    startAt: IsoDateTimeSchema.optional(),
    endAt: IsoDateTimeSchema.optional(),
    /** Set once launched. */
    platformRefs: AdPlatformRefsSchema.optional(),
    launchedAt: IsoDateTimeSchema.optional(),
    lastError: RecordedErrorSchema.optional(),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  })
  .superRefine((campaign, ctx) => {
    const budgets = [campaign.dailyBudget, campaign.lifetimeBudget].filter((budget) => budget !== undefined);
    if (budgets.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['dailyBudget'],
        message: 'Set exactly one of `dailyBudget` and `lifetimeBudget`.',
      });
    }
    for (const field of ['dailyBudget', 'lifetimeBudget'] as const) {
      const budget = campaign[field];
      if (budget !== undefined && budget.amountMinor <= 0) {
        ctx.addIssue({ code: 'custom', path: [field, 'amountMinor'], message: 'A budget must be positive.' });
      }
    }
    if (campaign.lifetimeBudget !== undefined && campaign.endAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'A lifetime budget needs `endAt`.' });
    }
    if (
      campaign.startAt !== undefined &&
      campaign.endAt !== undefined &&
      campaign.endAt <= campaign.startAt
    ) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '`endAt` must be after `startAt`.' });
    }
  });

/** A paid campaign; see {@link AdCampaignSchema}. */
export type AdCampaign = z.infer<typeof AdCampaignSchema>;
