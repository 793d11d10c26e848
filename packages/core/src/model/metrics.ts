import { z } from 'zod';
import { IdSchema } from './identifier';
import { MoneySchema } from './money';
import { PlatformIdSchema, SocialChannelSchema } from './platform';
import { DateRangeSchema, IsoDateSchema, IsoDateTimeSchema } from './time';

const count = z.int().nonnegative();

/**
 * Engagement counts for one published post. A field is absent when the platform does not report
 * it (never zero-filled), so averages are not skewed.
 */
export const PostMetricsSchema = z.strictObject({
  /** The platform's post id. */
  platformPostId: IdSchema,
  channel: SocialChannelSchema,
  /** When the numbers were read. */
  collectedAt: IsoDateTimeSchema,
  /** Times shown (Meta/IG `views` since the impressions deprecation; X `impression_count`). */
  impressions: count.optional(),
  /** Unique accounts reached. */
  reach: count.optional(),
  likes: count.optional(),
  comments: count.optional(),
  /** Shares, reposts, retweets and quotes. */
  shares: count.optional(),
  /** Saves and bookmarks. */
  saves: count.optional(),
  /** Link and pin clicks. */
  clicks: count.optional(),
  videoViews: count.optional(),
});

/** Engagement counts for one post; see {@link PostMetricsSchema}. */
export type PostMetrics = z.infer<typeof PostMetricsSchema>;

/** The account-level counts reported both for each day and as totals over a range. */
const accountCounts = {
  impressions: count.optional(),
  reach: count.optional(),
  engagements: count.optional(),
  profileViews: count.optional(),
  websiteClicks: count.optional(),
};

/** Account-level numbers for one day. */
export const AccountInsightsDaySchema = z.strictObject({
  date: IsoDateSchema,
  ...accountCounts,
  followers: count.optional(),
});

/** Account-level numbers for one day; see {@link AccountInsightsDaySchema}. */
export type AccountInsightsDay = z.infer<typeof AccountInsightsDaySchema>;

/** Account-level insights for a connected account over a date range, with totals and a daily series. */
export const AccountInsightsSchema = z.strictObject({
  platform: PlatformIdSchema,
  accountId: IdSchema,
  range: DateRangeSchema,
  collectedAt: IsoDateTimeSchema,
  /** Follower count at collection time. */
  followers: count.optional(),
  /** Net followers gained over the range (may be negative). */
  followersGained: z.int().optional(),
  ...accountCounts,
  daily: z.array(AccountInsightsDaySchema).default([]),
});

/** Account-level insights; see {@link AccountInsightsSchema}. */
export type AccountInsights = z.infer<typeof AccountInsightsSchema>;

/** The level an ads report row describes. */
export const AdInsightsLevelSchema = z.enum(['campaign', 'adset', 'ad']);

/** The level an ads report row describes; see {@link AdInsightsLevelSchema}. */
export type AdInsightsLevel = z.infer<typeof AdInsightsLevelSchema>;

/**
 * One day of delivery for one campaign, ad set or ad. Money is in the ad account's currency as
 * integer minor units (converted from Meta major-unit strings, Google/Pinterest micros, TikTok floats).
 */
export const AdInsightsRowSchema = z
  .strictObject({
    date: IsoDateSchema,
    level: AdInsightsLevelSchema,
    /** The platform id of the entity at `level`. */
    entityId: IdSchema,
    campaignId: IdSchema,
    adSetId: IdSchema.optional(),
    adId: IdSchema.optional(),
    spend: MoneySchema,
    impressions: count,
    clicks: count,
    reach: count.optional(),
    /** Conversions; fractional on platforms with data-driven attribution (Google). */
    conversions: z.number().nonnegative(),
    conversionValue: MoneySchema,
  })
  .refine((row) => row.spend.currency === row.conversionValue.currency, {
    message: '`conversionValue` must be in the same currency as `spend`.',
    path: ['conversionValue', 'currency'],
  });

/** One day of ad delivery; see {@link AdInsightsRowSchema}. */
export type AdInsightsRow = z.infer<typeof AdInsightsRowSchema>;
