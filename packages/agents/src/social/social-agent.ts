import type { ContentCalendar, Page, SocialPost } from '@growthhub/core';
import { IdSchema, ValidationError } from '@growthhub/core';
import { getAnalytics, type SocialAnalytics } from './analytics-report';
import { type MetricsSyncReport, syncAllStores, syncStoreMetrics } from './analytics-sync';
import { type CalendarPlan, planCalendar } from './calendar-planner';
import { runPublishJob } from './post-publisher';
import { approvePosts, cancelPost, editPost, loadPost, reschedulePost } from './post-review';
import { listAll, SOCIAL_JOBS, type SocialContext } from './social-context';
import {
  type AnalyticsInput,
  type ApproveOptions,
  type EditPostInput,
  type ListPostsInput,
  ListPostsInputSchema,
  type PlanCalendarInput,
  parseInput,
  type SyncMetricsInput,
  SyncMetricsInputSchema,
} from './social-inputs';

/**
 * The Social Agent: plans content calendars, writes per-channel captions, schedules posts at the
 * best times, takes them through review, publishes them through the job runner and measures them.
 * Reached as `engine.social`. Every method validates its input first and throws a
 * `ValidationError` naming the field before anything is written.
 */
export interface SocialAgent {
  /**
   * Plans `days` days of `postsPerDay` content ideas for a store and writes each for every channel:
   * themes and angles, then captions and hashtags in batched language-model calls (at most 8 in all),
   * each post checked with its adapter's `validate()` and rewritten when it fails. Slots are the
   * channel's best local times in the store's time zone (DST-correct), spaced by the minimum gap and
   * within each account's daily quota. Posts are `scheduled` in autopilot mode, otherwise `draft`
   * (with an `approval.requested` event). Emits `calendar.planned`.
   */
  planCalendar(input: PlanCalendarInput): Promise<CalendarPlan>;
  /** Approves drafts: re-checked, `scheduled`, handed to the job runner (`post.scheduled`). */
  approve(postIds: readonly string[], options?: ApproveOptions): Promise<SocialPost[]>;
  /** Edits a post's text, hashtags, title, link, media or first comment; re-validated against the platform. */
  edit(postId: string, changes: EditPostInput): Promise<SocialPost>;
  /** Moves a post to a new future time (a failed post is retried then). */
  reschedule(postId: string, at: Date | string): Promise<SocialPost>;
  /** Cancels a post that is not published or being published. */
  cancel(postId: string): Promise<SocialPost>;
  /** One post, with its status and attempt history. */
  getPost(postId: string): Promise<SocialPost>;
  /** A store's posts (optionally one status or calendar), in time order, one page at a time. */
  listPosts(input: ListPostsInput): Promise<Page<SocialPost>>;
  /** One calendar. */
  getCalendar(calendarId: string): Promise<ContentCalendar>;
  /** Syncs a store's post metrics and account insights now (the engine also does it every 4 hours). */
  syncMetrics(input: SyncMetricsInput): Promise<MetricsSyncReport>;
  /** Overview, per-channel totals, per-post metrics and the top posts over the last `days` days. */
  getAnalytics(input: AnalyticsInput): Promise<SocialAnalytics>;
}

/** The agent plus the hook the engine calls before starting its job runner. */
export interface SocialAgentRuntime extends SocialAgent {
  /** Defines the publish job and the recurring metrics sync on the runner. */
  registerJobs(): Promise<void>;
}

/** Builds the Social Agent over its context (the engine does this; see `createGrowthEngine`). */
export function createSocialAgent(context: SocialContext): SocialAgentRuntime {
  return {
    planCalendar: (input) => planCalendar(context, input),
    approve: (postIds, options) => approvePosts(context, postIds, options),
    edit: (postId, changes) => editPost(context, postId, changes),
    reschedule: (postId, at) => reschedulePost(context, postId, at),
    cancel: (postId) => cancelPost(context, postId),
    getPost: (postId) => loadPost(context, postId, 'postId'),
    async listPosts(raw) {
      const input = parseInput(ListPostsInputSchema, raw);
      const matching = (await listAll(context.posts, input.storeId))
        .filter(
          (post) =>
            (input.status === undefined || post.status === input.status) &&
            (input.calendarId === undefined || post.calendarId === input.calendarId),
        )
        .sort(
          (a, b) =>
            (a.scheduledAt ?? a.createdAt).localeCompare(b.scheduledAt ?? b.createdAt) ||
            a.id.localeCompare(b.id),
        );
      const start = input.cursor === undefined ? 0 : Number.parseInt(input.cursor, 10);
      if (!Number.isInteger(start) || start < 0) {
        throw new ValidationError({
          field: 'cursor',
          reason: 'is not a cursor this method returned',
          fix: 'pass nextCursor from the previous page',
        });
      }
      const end = start + (input.limit ?? 100);
      return {
        items: matching.slice(start, end),
        ...(end < matching.length ? { nextCursor: String(end) } : {}),
      };
    },
    async getCalendar(calendarId) {
      const id = parseInput(IdSchema, calendarId, 'calendarId');
      const calendar = await context.calendars.get(id);
      if (calendar === undefined) {
        throw new ValidationError({
          field: 'calendarId',
          reason: `there is no calendar "${id}"`,
          fix: 'use an id returned by planCalendar',
        });
      }
      return calendar;
    },
    async syncMetrics(raw) {
      const input = parseInput(SyncMetricsInputSchema, raw);
      if ((await context.catalog.getStore(input.storeId)) === undefined) {
        throw new ValidationError({
          field: 'storeId',
          reason: `the catalog has no store "${input.storeId}"`,
          fix: "pass the id of a store the host's catalog knows",
        });
      }
      return syncStoreMetrics(context, input.storeId, input.days ?? context.settings.metricsLookbackDays);
    },
    getAnalytics: (input) => getAnalytics(context, input),
    async registerJobs() {
      context.jobs.define(SOCIAL_JOBS.publish, (job) => runPublishJob(context, job));
      await context.jobs.every(SOCIAL_JOBS.metricsSync, context.settings.metricsSyncIntervalMs, async () => {
        await syncAllStores(context, context.settings.metricsLookbackDays);
      });
    },
  };
}
