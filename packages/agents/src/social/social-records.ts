import {
  AccountInsightsSchema,
  type ContentCalendar,
  ContentCalendarSchema,
  IdSchema,
  IsoDateTimeSchema,
  PlatformIdSchema,
  PostMetricsSchema,
  type RepositoryDefinition,
  type SocialPost,
  SocialPostSchema,
} from '@growthhub/core';
import { z } from 'zod';

/** The `social-posts` collection: one record per post, listed per store. */
export const socialPostRepository: RepositoryDefinition<SocialPost> = {
  name: 'social-posts',
  schema: SocialPostSchema as z.ZodType<SocialPost>,
  idOf: (post) => post.id,
  tenantOf: (post) => post.storeId,
};

/** The `content-calendars` collection, listed per store. */
export const contentCalendarRepository: RepositoryDefinition<ContentCalendar> = {
  name: 'content-calendars',
  schema: ContentCalendarSchema as z.ZodType<ContentCalendar>,
  idOf: (calendar) => calendar.id,
  tenantOf: (calendar) => calendar.storeId,
};

/** The latest metrics of one published post, kept by the analytics sync. */
export const PostMetricsRecordSchema = z.strictObject({
  postId: IdSchema,
  storeId: IdSchema,
  metrics: PostMetricsSchema,
  syncedAt: IsoDateTimeSchema,
});

/** The latest metrics of one published post; see {@link PostMetricsRecordSchema}. */
export type PostMetricsRecord = z.infer<typeof PostMetricsRecordSchema>;

/** The `social-post-metrics` collection, keyed by post id. */
export const postMetricsRepository: RepositoryDefinition<PostMetricsRecord> = {
  name: 'social-post-metrics',
  schema: PostMetricsRecordSchema,
  idOf: (record) => record.postId,
  tenantOf: (record) => record.storeId,
};

/** The latest insights of one connected account, kept by the analytics sync. */
export const AccountInsightsRecordSchema = z.strictObject({
  /** `connectionId/accountId`. */
  id: IdSchema,
  storeId: IdSchema,
  connectionId: IdSchema,
  platform: PlatformIdSchema,
  insights: AccountInsightsSchema,
  syncedAt: IsoDateTimeSchema,
});

/** The latest insights of one connected account; see {@link AccountInsightsRecordSchema}. */
export type AccountInsightsRecord = z.infer<typeof AccountInsightsRecordSchema>;

/** The `social-account-insights` collection. */
export const accountInsightsRepository: RepositoryDefinition<AccountInsightsRecord> = {
  name: 'social-account-insights',
  schema: AccountInsightsRecordSchema,
  idOf: (record) => record.id,
  tenantOf: (record) => record.storeId,
};
