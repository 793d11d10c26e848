import { AdsPlatformIdSchema, IdSchema, MoneySchema } from '@growthhub/core';
import { z } from 'zod';

/** Six hours: the engine's default decision slot. */
export const DEFAULT_SLOT_MS = 6 * 60 * 60 * 1000;

/**
 * One creative's delivery in one slot (six hours by default), with conversions and revenue as the
 * platform has reported them *so far* for impressions served in that slot. Reports keep arriving after
 * the slot ends (attribution delay); the engine corrects for it. Money is integer minor units.
 */
export const PerformanceSlotSchema = z.strictObject({
  /** Slot start, epoch milliseconds. */
  start: z.number().int(),
  /** The creative's share of its campaign's delivery in that slot (0 = paused). */
  share: z.number().min(0).max(1),
  spendMinor: z.number().int().min(0),
  impressions: z.number().int().min(0),
  clicks: z.number().int().min(0),
  /** Conversions reported so far (platforms may report fractional, modelled conversions). */
  conversions: z.number().min(0),
  /** Conversion value reported so far, minor units. */
  revenueMinor: z.number().int().min(0),
});

/** One creative's delivery in one slot; see {@link PerformanceSlotSchema}. */
export type PerformanceSlot = z.infer<typeof PerformanceSlotSchema>;

/** A campaign's own settings in one past slot: its daily budget (0 while paused) and learning flag. */
export const CampaignSlotSchema = z.strictObject({
  start: z.number().int(),
  /** The daily budget in force, minor units; 0 while the campaign was paused. */
  dailyBudgetMinor: z.number().int().min(0),
  /** Whether the platform reported the campaign (or its ad set) in its learning phase. */
  learning: z.boolean(),
});

/** A campaign's settings in one past slot; see {@link CampaignSlotSchema}. */
export type CampaignSlot = z.infer<typeof CampaignSlotSchema>;

/** A creative and its history, aligned slot for slot with its campaign's `history`. */
export const CreativeSnapshotSchema = z.strictObject({
  id: IdSchema,
  /** Current share of the campaign's delivery (0 = paused). */
  share: z.number().min(0).max(1),
  slots: z.array(PerformanceSlotSchema),
});

/** A creative and its history; see {@link CreativeSnapshotSchema}. */
export type CreativeSnapshot = z.infer<typeof CreativeSnapshotSchema>;

/** Who paused a campaign; a stop-loss pause is reversible by the optimiser, a human pause is not. */
export const PausedBySchema = z.enum(['policy', 'stop_loss', 'lifetime_cap', 'human']);

/** Who paused a campaign; see {@link PausedBySchema}. */
export type PausedBy = z.infer<typeof PausedBySchema>;

/** A running or paused campaign as the decision engine sees it. */
export const CampaignSnapshotSchema = z.strictObject({
  id: IdSchema,
  platform: AdsPlatformIdSchema,
  status: z.enum(['active', 'paused']),
  pausedBy: PausedBySchema.optional(),
  /** The current daily budget (kept while paused, used again on resume). */
  dailyBudget: MoneySchema,
  /** The platform's learning flag right now. */
  learning: z.boolean(),
  /** Launch time, epoch milliseconds. */
  launchedAt: z.number().int(),
  /** One entry per elapsed slot since launch, oldest first. */
  history: z.array(CampaignSlotSchema),
  creatives: z.array(CreativeSnapshotSchema).min(1),
});

/** A campaign as the decision engine sees it; see {@link CampaignSnapshotSchema}. */
export type CampaignSnapshot = z.infer<typeof CampaignSnapshotSchema>;

/**
 * Everything the ads decision engine needs at one decision time: the ad account's campaigns with their
 * slot-by-slot history, lifetime spend so far, and the clock. Pure data; policies never call platforms.
 */
export const AdsAccountSnapshotSchema = z
  .strictObject({
    /** The host's store (tenant). */
    storeId: IdSchema,
    currency: z.string().length(3),
    /** Decision time, epoch milliseconds; slots before it are complete. */
    now: z.number().int(),
    /** Slot length in milliseconds (default six hours). */
    slotMs: z.number().int().positive().default(DEFAULT_SLOT_MS),
    /** Spend since the start of the flight, across all campaigns. */
    lifetimeSpent: MoneySchema,
    /** When the flight ends (epoch ms), if it does; the lifetime cap is planned to this time. */
    endsAt: z.number().int().optional(),
    campaigns: z.array(CampaignSnapshotSchema),
  })
  .superRefine((snapshot, ctx) => {
    const moneys = [
      { value: snapshot.lifetimeSpent, path: ['lifetimeSpent'] },
      ...snapshot.campaigns.map((campaign, index) => ({
        value: campaign.dailyBudget,
        path: ['campaigns', index, 'dailyBudget'],
      })),
    ];
    for (const { value, path } of moneys) {
      if (value.currency !== snapshot.currency) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `Money must be in the account currency ${snapshot.currency}.`,
        });
      }
    }
    snapshot.campaigns.forEach((campaign, index) => {
      campaign.creatives.forEach((creative, creativeIndex) => {
        if (creative.slots.length !== campaign.history.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['campaigns', index, 'creatives', creativeIndex, 'slots'],
            message: 'Each creative needs one slot per entry of its campaign `history`.',
          });
        }
      });
    });
  });

/** Everything the ads decision engine needs at one decision time; see {@link AdsAccountSnapshotSchema}. */
export type AdsAccountSnapshot = z.infer<typeof AdsAccountSnapshotSchema>;
