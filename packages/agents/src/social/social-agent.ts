import type { ContentCalendar, Page, SocialPost } from '@growthhub/core';
import { IdSchema, ValidationError } from '@growthhub/core';
import { getAnalytics, type SocialAnalytics } from './analytics-report';
import { type MetricsSyncReport, syncAllStores, syncStoreMetrics } from './analytics-sync';
import { type CalendarPlan, planCalendar } from './calendar-planner';
import { listPosts } from './post-listing';
import { runPublishJob } from './post-publisher';
import { approvePosts, cancelPost, editPost, loadScopedPost, reschedulePost } from './post-review';
import { publishPostNow } from './publish-now';
import { RecordNotFoundError } from './record-not-found-error';
import { SOCIAL_JOBS, type SocialContext } from './social-context';
import {
  type AnalyticsInput,
  type ApproveOptions,
  type EditPostInput,
  type ListPostsInput,
  type PlanCalendarInput,
  parseInput,
  type RecordScope,
  RecordScopeSchema,
  type SyncMetricsInput,
  SyncMetricsInputSchema,
} from './social-inputs';

/**
 * The Social Agent: plans content calendars, writes per-channel captions, schedules posts at the
 * best times, takes them through review, publishes them through the job runner and measures them.
 * Reached as `engine.social`. Every method validates its input first and throws a
 * `ValidationError` naming the field before anything is written.
 *
 * Tenant guard: every method that takes a post or calendar id also takes an optional (recommended)
 * `storeId`. With it, a record of another store is answered exactly like a missing one, with a
 * {@link RecordNotFoundError} (a `ValidationError`; hosts answer it with 404), so no existence leaks.
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
  /**
   * Approves drafts: re-checked, `scheduled`, handed to the job runner (`post.scheduled`). With
   * `options.storeId`, all ids must be that store's posts or nothing is approved.
   */
  approve(postIds: readonly string[], options?: ApproveOptions): Promise<SocialPost[]>;
  /** Edits a post's text, hashtags, title, link, media or first comment; re-validated against the platform. */
  edit(postId: string, changes: EditPostInput, options?: RecordScope): Promise<SocialPost>;
  /** Moves a post to a new future time, at least the minimum gap from its account's other posts (a failed post is retried then). */
  reschedule(postId: string, at: Date | string, options?: RecordScope): Promise<SocialPost>;
  /** Cancels a post that is not published or being published. */
  cancel(postId: string, options?: RecordScope): Promise<SocialPost>;
  /**
   * Publishes a scheduled (or failed, once its cause is gone) post now, through the same job-runner
   * path as at its slot: skips the slot time and the minimum gap only, never platform rate limits or
   * quotas. A draft must be approved first; a published or cancelled post is refused with a
   * `ValidationError` naming `postId`; a post already `publishing` is returned as is (publishes once).
   * Resolves when the job is handed to the runner; `post.published` / `post.failed` tell the outcome.
   */
  publishNow(postId: string, options?: RecordScope): Promise<SocialPost>;
  /** One post, with its status and attempt history. */
  getPost(postId: string, options?: RecordScope): Promise<SocialPost>;
  /**
   * A store's posts, in time order, one page at a time; optionally one status, one calendar and a
   * window on `scheduledAt` (`from` inclusive, `to` exclusive).
   */
  listPosts(input: ListPostsInput): Promise<Page<SocialPost>>;
  /** One calendar. */
  getCalendar(calendarId: string, options?: RecordScope): Promise<ContentCalendar>;
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
    edit: (postId, changes, options) => editPost(context, postId, changes, options),
    reschedule: (postId, at, options) => reschedulePost(context, postId, at, options),
    cancel: (postId, options) => cancelPost(context, postId, options),
    publishNow: (postId, options) => publishPostNow(context, postId, options),
    getPost: (postId, options) => loadScopedPost(context, postId, options),
    listPosts: (input) => listPosts(context, input),
    async getCalendar(calendarId, options) {
      const id = parseInput(IdSchema, calendarId, 'calendarId');
      const { storeId } = parseInput(RecordScopeSchema, options ?? {}, 'options');
      const calendar = await context.calendars.get(id);
      if (calendar === undefined || (storeId !== undefined && calendar.storeId !== storeId)) {
        throw new RecordNotFoundError({
          record: 'calendar',
          id,
          field: 'calendarId',
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
