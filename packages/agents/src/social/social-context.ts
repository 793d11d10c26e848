import type {
  ContentCalendar,
  GrowthEventBus,
  Job,
  JobRunner,
  LanguageModel,
  Logger,
  Repository,
  SocialPost,
  Store,
} from '@growthhub/core';
import { collectPaged } from '@growthhub/core';
import type { StoreCatalog } from '../catalog/index';
import type { Clock } from '../jobs/clock';
import type { BestTimeTable } from './best-time-slots';
import type { ContentMix } from './content-mix';
import type { PlatformDirectory } from './platform-directory';
import type { AccountInsightsRecord, PostMetricsRecord } from './social-records';

/** Whether the engine publishes on its own or waits for a human. */
export type PublishingMode = 'approval' | 'autopilot';

/** Tunable behaviour of the Social Agent; every field has a documented default. */
export interface SocialSettings {
  /** Minimum minutes between two posts of one account (default 60). */
  readonly minGapMinutes: number;
  /** Nothing is scheduled sooner than this many minutes from now (default 10). */
  readonly leadTimeMinutes: number;
  /** Language-model calls in flight at once while planning (default 6). */
  readonly llmConcurrency: number;
  /** Most caption-writing calls per calendar (default 6; with the plan and rewrite calls, at most 8 in all). */
  readonly maxCaptionCalls: number;
  /** Publish attempts of a post before it fails for good on retryable errors (default 5). */
  readonly maxPublishAttempts: number;
  /** First retry delay after a retryable publish failure; doubles per attempt (default 60 000 ms). */
  readonly retryBaseDelayMs: number;
  /** How often an asynchronous publish is polled while the platform processes it (default 30 000 ms). */
  readonly processingPollMs: number;
  /** How often metrics are synced (default 4 hours). */
  readonly metricsSyncIntervalMs: number;
  /** How far back the periodic sync refreshes post metrics (default 30 days). */
  readonly metricsLookbackDays: number;
  /** Best local posting times (default {@link DEFAULT_BEST_TIMES}). */
  readonly bestTimes?: BestTimeTable;
  /** Content-type mix (default the seed's). */
  readonly contentMix?: ContentMix;
}

/** The Social Agent's defaults. */
export const DEFAULT_SOCIAL_SETTINGS: SocialSettings = {
  minGapMinutes: 60,
  leadTimeMinutes: 10,
  llmConcurrency: 6,
  maxCaptionCalls: 6,
  maxPublishAttempts: 5,
  retryBaseDelayMs: 60_000,
  processingPollMs: 30_000,
  metricsSyncIntervalMs: 4 * 60 * 60 * 1000,
  metricsLookbackDays: 30,
};

/** Everything the Social Agent's parts share: dependencies, settings and repositories. */
export interface SocialContext {
  readonly store: Store;
  readonly catalog: StoreCatalog;
  readonly llm: LanguageModel;
  readonly jobs: JobRunner;
  readonly events: GrowthEventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mode: PublishingMode;
  readonly platforms: PlatformDirectory;
  readonly settings: SocialSettings;
  readonly posts: Repository<SocialPost>;
  readonly calendars: Repository<ContentCalendar>;
  readonly metrics: Repository<PostMetricsRecord>;
  readonly insights: Repository<AccountInsightsRecord>;
}

/** Job names the Social Agent defines on the runner. */
export const SOCIAL_JOBS = {
  publish: 'social.publish',
  metricsSync: 'social.metrics-sync',
} as const;

/** The runner job id of a post's publish job (stable, so rescheduling replaces it). */
export function publishJobId(postId: string): string {
  return `publish:${postId}`;
}

/**
 * The publish job of a post: stable id, and the account as its lane so the runner publishes one
 * post per account at a time (an account waiting out a rate limit never blocks the others).
 */
export function publishJob(post: Pick<SocialPost, 'id' | 'connectionId' | 'accountId' | 'channel'>): Job {
  return {
    id: publishJobId(post.id),
    name: SOCIAL_JOBS.publish,
    data: { postId: post.id, lane: `${post.connectionId}/${post.accountId}/${post.channel}` },
  };
}

/** Every record of a store in a repository, paging through it. */
export async function listAll<T>(repository: Repository<T>, tenantId: string): Promise<T[]> {
  return collectPaged((page) => repository.list(tenantId, page));
}
