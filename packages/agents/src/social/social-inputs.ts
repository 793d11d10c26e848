import {
  IdSchema,
  IsoDateSchema,
  MediaRefSchema,
  PlatformIdSchema,
  PostStatusSchema,
  SocialChannelSchema,
  ValidationError,
} from '@growthhub/core';
import { z } from 'zod';

const PostFormatSchema = z.enum(['video', 'carousel', 'image', 'text']);
const ClockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, { message: 'Use a time of day like "09:30".' });

/** Input of `planCalendar`. */
export const PlanCalendarInputSchema = z.strictObject({
  /** The host's store (tenant); must be known to the catalog. */
  storeId: IdSchema,
  /** How many local days to plan, 1–90. */
  days: z.int().min(1).max(90),
  /** Content ideas per day (each goes out on every channel), 1–10. */
  postsPerDay: z.int().min(1).max(10),
  /** Channels to post to (default: every channel the store has a connected account for). */
  channels: z.array(z.string().min(1)).min(1).optional(),
  /** Platforms to post to, as a shorthand for all their channels (e.g. `meta` → facebook and instagram). */
  platforms: z.array(z.string().min(1)).min(1).optional(),
  /** First local day, `YYYY-MM-DD` (default: today in the store's time zone); not in the past. */
  startDate: IsoDateSchema.optional(),
  /** Format per calendar day (7 entries, day 0 first); default: the seed's mix. */
  contentMix: z
    .tuple([
      PostFormatSchema,
      PostFormatSchema,
      PostFormatSchema,
      PostFormatSchema,
      PostFormatSchema,
      PostFormatSchema,
      PostFormatSchema,
    ])
    .optional(),
  /** Best local times per channel: 7 lists (Sunday first) of `HH:MM` in preference order. */
  bestTimes: z.partialRecord(SocialChannelSchema, z.array(z.array(ClockSchema)).length(7)).optional(),
  /** Minimum minutes between two posts of one account (default from the engine, 60). */
  minGapMinutes: z
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
});

/** Input of `planCalendar`; see {@link PlanCalendarInputSchema}. */
export type PlanCalendarInput = z.input<typeof PlanCalendarInputSchema>;

/**
 * The tenant guard every post and calendar method takes. Optional, recommended: with `storeId`, a
 * record of another store is answered exactly like a missing one (a `RecordNotFoundError`), so a
 * host never has to check the owner of an id itself.
 */
export const RecordScopeSchema = z.strictObject({
  /** Only records of this store are found. */
  storeId: IdSchema.optional(),
});

/** The tenant guard of post and calendar methods; see {@link RecordScopeSchema}. */
export type RecordScope = z.input<typeof RecordScopeSchema>;

/** Options of `approve`. */
export const ApproveOptionsSchema = z.strictObject({
  /** The host user who approved (recorded on each post). */
  by: IdSchema.optional(),
  /** Only posts of this store are found; see {@link RecordScopeSchema}. */
  storeId: IdSchema.optional(),
});

/** Options of `approve`; see {@link ApproveOptionsSchema}. */
export type ApproveOptions = z.input<typeof ApproveOptionsSchema>;

/** Changes accepted by `edit`; at least one. Every edit is re-validated against the platform. */
export const EditPostInputSchema = z
  .strictObject({
    caption: z.string().min(1).max(100_000).optional(),
    hashtags: z.array(z.string().min(1).max(100)).max(60).optional(),
    title: z.string().min(1).max(1000).optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    media: z.array(MediaRefSchema).optional(),
    firstComment: z.string().min(1).max(10_000).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: 'Give at least one field to change.' });

/** Changes accepted by `edit`; see {@link EditPostInputSchema}. */
export type EditPostInput = z.input<typeof EditPostInputSchema>;

/** A point in time: a `Date` or an ISO 8601 string with an offset. */
export const InstantSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/**
 * Input of `listPosts`. `from`/`to` select posts by `scheduledAt` in the half-open window
 * `from <= scheduledAt < to` (either bound may be left out; a post with no `scheduledAt` is left out
 * when a bound is given), so consecutive windows never list a post twice.
 */
export const ListPostsInputSchema = z.strictObject({
  storeId: IdSchema,
  status: PostStatusSchema.optional(),
  calendarId: IdSchema.optional(),
  /** Only posts scheduled at or after this time (inclusive). */
  from: InstantSchema.optional(),
  /** Only posts scheduled before this time (exclusive). */
  to: InstantSchema.optional(),
  /** Page size, 1–500 (default 100). */
  limit: z.int().min(1).max(500).optional(),
  cursor: z.string().min(1).optional(),
});

/** Input of `listPosts`; see {@link ListPostsInputSchema}. */
export type ListPostsInput = z.input<typeof ListPostsInputSchema>;

/** Input of `getAnalytics`. */
export const AnalyticsInputSchema = z.strictObject({
  storeId: IdSchema,
  /** Only this platform's posts and accounts. */
  platform: PlatformIdSchema.optional(),
  /** Only this channel's posts. */
  channel: SocialChannelSchema.optional(),
  /** Posts published in the last `days` days, 1–365. */
  days: z.int().min(1).max(365),
  /** How many top posts to return (default 5). */
  top: z.int().min(1).max(100).optional(),
});

/** Input of `getAnalytics`; see {@link AnalyticsInputSchema}. */
export type AnalyticsInput = z.input<typeof AnalyticsInputSchema>;

/** Input of `syncMetrics`. */
export const SyncMetricsInputSchema = z.strictObject({
  storeId: IdSchema,
  /** Refresh posts published in the last `days` days (default 30). */
  days: z.int().min(1).max(365).optional(),
});

/** Input of `syncMetrics`; see {@link SyncMetricsInputSchema}. */
export type SyncMetricsInput = z.input<typeof SyncMetricsInputSchema>;

/**
 * Parses a public input with its schema; a mismatch throws a `ValidationError` naming the field
 * (e.g. `days`, `channels.0`) with the reason and a fix.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, subject?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw ValidationError.fromZodError(result.error, subject === undefined ? {} : { subject });
  }
  return result.data;
}

/** Checks a list of post ids: non-empty strings, at least one. */
export const PostIdsSchema = z.array(IdSchema).min(1);
