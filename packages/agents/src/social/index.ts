/**
 * The Social Agent: calendar planning, captions, best-time scheduling, review, publishing and analytics.
 * @module
 */
export type { AnalyticsTotals, PostPerformance, SocialAnalytics } from './analytics-report';
export type { MetricsSyncReport } from './analytics-sync';
export { type BestTimeTable, DEFAULT_BEST_TIMES, slotTimesForDay } from './best-time-slots';
export type { CalendarPlan } from './calendar-planner';
export {
  assembleCaption,
  type CaptionFit,
  type CaptionSentence,
  type FittedCaption,
  shortenToFit,
  truncateToLength,
} from './caption-fitting';
export { CHANNEL_STYLES, type ChannelStyle } from './channel-fit';
export {
  type ContentIdea,
  type ContentIdeaInput,
  type ContentMix,
  type PostFormat,
  planContentIdeas,
  SEED_CONTENT_MIX,
} from './content-mix';
export type { PlatformDirectory } from './platform-directory';
export { newIdempotencyKey } from './post-content';
export { classifyPublishFailure, type PublishFailure } from './publish-failure';
export { CHANNEL_ACCOUNT_KINDS, type PublishingTarget } from './publishing-targets';
export { RecordNotFoundError, type SocialRecordKind } from './record-not-found-error';
export { assignSlots, earliestSlot, type SlotRequest, type SlotRules } from './slot-scheduler';
export { createSocialAgent, type SocialAgent, type SocialAgentRuntime } from './social-agent';
export {
  DEFAULT_SOCIAL_SETTINGS,
  type PublishingMode,
  publishJob,
  publishJobId,
  SOCIAL_JOBS,
  type SocialContext,
  type SocialSettings,
} from './social-context';
export {
  type AnalyticsInput,
  AnalyticsInputSchema,
  type ApproveOptions,
  ApproveOptionsSchema,
  type EditPostInput,
  EditPostInputSchema,
  type ListPostsInput,
  ListPostsInputSchema,
  type PlanCalendarInput,
  PlanCalendarInputSchema,
  type RecordScope,
  RecordScopeSchema,
  type SyncMetricsInput,
  SyncMetricsInputSchema,
} from './social-inputs';
export {
  type AccountInsightsRecord,
  AccountInsightsRecordSchema,
  accountInsightsRepository,
  contentCalendarRepository,
  type PostMetricsRecord,
  PostMetricsRecordSchema,
  postMetricsRepository,
  socialPostRepository,
} from './social-records';
export * from './writing-tasks';
export { addDays, localDate, weekdayOf, zonedTimeToUtc } from './zoned-time';
