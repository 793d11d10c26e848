import type { PostMetrics, SocialChannel, SocialPost } from '@growthhub/core';
import { CHANNEL_PLATFORM, ValidationError } from '@growthhub/core';
import { listAll, type SocialContext } from './social-context';
import { type AnalyticsInput, AnalyticsInputSchema, parseInput } from './social-inputs';

/** One published post with its latest metrics. */
export interface PostPerformance {
  readonly postId: string;
  readonly channel: SocialChannel;
  readonly platformPostId: string;
  readonly url?: string;
  readonly publishedAt?: string;
  /** The first 140 characters of the caption. */
  readonly excerpt: string;
  /** Latest synced metrics; absent until the first sync. */
  readonly metrics?: PostMetrics;
  /** Likes, comments, shares, saves and clicks, as far as the platform reports them. */
  readonly engagement: number;
  /** `engagement / impressions` (or `/ reach`), when the platform reports either. */
  readonly engagementRate?: number;
}

/** Totals over a set of posts; a total is absent when no post's platform reports it. */
export interface AnalyticsTotals {
  readonly posts: number;
  readonly impressions?: number;
  readonly reach?: number;
  readonly engagement: number;
  readonly engagementRate?: number;
}

/** What `getAnalytics` returns. */
export interface SocialAnalytics {
  readonly storeId: string;
  /** The window, ISO times. */
  readonly since: string;
  readonly until: string;
  /** Totals, plus followers from the latest account insights. */
  readonly overview: AnalyticsTotals & { readonly followers?: number; readonly followersGained?: number };
  /** Totals per channel. */
  readonly byChannel: Readonly<Partial<Record<SocialChannel, AnalyticsTotals>>>;
  /** Every published post of the window, newest first. */
  readonly posts: readonly PostPerformance[];
  /** The best posts by engagement (then impressions). */
  readonly topPosts: readonly PostPerformance[];
}

/**
 * A store's organic analytics over the last `days` days from the synced metrics: an overview
 * (followers, impressions and reach where the platform has them, engagement and engagement rate),
 * totals per channel, every post's metrics and the top N posts. Reads the store only; call
 * `syncMetrics` first for fresh numbers.
 */
export async function getAnalytics(context: SocialContext, raw: AnalyticsInput): Promise<SocialAnalytics> {
  const input = parseInput(AnalyticsInputSchema, raw);
  if ((await context.catalog.getStore(input.storeId)) === undefined) {
    throw new ValidationError({
      field: 'storeId',
      reason: `the catalog has no store "${input.storeId}"`,
      fix: "pass the id of a store the host's catalog knows",
    });
  }
  const until = context.clock.now();
  const since = new Date(until.getTime() - input.days * 86_400_000);
  const inScope = (post: SocialPost) =>
    post.status === 'published' &&
    post.platformPostId !== undefined &&
    Date.parse(post.publishedAt ?? '') >= since.getTime() &&
    (input.channel === undefined || post.channel === input.channel) &&
    (input.platform === undefined || CHANNEL_PLATFORM[post.channel] === input.platform);
  const posts = (await listAll(context.posts, input.storeId)).filter(inScope);
  const performances = await Promise.all(
    posts.map(async (post) => performance(post, (await context.metrics.get(post.id))?.metrics)),
  );
  performances.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  const byChannel: Partial<Record<SocialChannel, AnalyticsTotals>> = {};
  for (const channel of new Set(performances.map((p) => p.channel))) {
    byChannel[channel] = totals(performances.filter((p) => p.channel === channel));
  }
  const accounts = (await listAll(context.insights, input.storeId)).filter(
    (record) => input.platform === undefined || record.platform === input.platform,
  );
  const followers = sumDefined(accounts.map((record) => record.insights.followers));
  const followersGained = sumDefined(accounts.map((record) => record.insights.followersGained));
  const top = [...performances].sort(
    (a, b) => b.engagement - a.engagement || (b.metrics?.impressions ?? 0) - (a.metrics?.impressions ?? 0),
  );
  return {
    storeId: input.storeId,
    since: since.toISOString(),
    until: until.toISOString(),
    overview: {
      ...totals(performances),
      ...(followers === undefined ? {} : { followers }),
      ...(followersGained === undefined ? {} : { followersGained }),
    },
    byChannel,
    posts: performances,
    topPosts: top.slice(0, input.top ?? 5),
  };
}

function performance(post: SocialPost, metrics: PostMetrics | undefined): PostPerformance {
  const engagement = metrics === undefined ? 0 : engagementOf(metrics);
  const base = metrics?.impressions ?? metrics?.reach;
  return {
    postId: post.id,
    channel: post.channel,
    platformPostId: post.platformPostId as string,
    ...(post.url === undefined ? {} : { url: post.url }),
    ...(post.publishedAt === undefined ? {} : { publishedAt: post.publishedAt }),
    excerpt: post.caption.slice(0, 140),
    ...(metrics === undefined ? {} : { metrics }),
    engagement,
    ...(base === undefined || base === 0 ? {} : { engagementRate: engagement / base }),
  };
}

function engagementOf(metrics: PostMetrics): number {
  return (
    (metrics.likes ?? 0) +
    (metrics.comments ?? 0) +
    (metrics.shares ?? 0) +
    (metrics.saves ?? 0) +
    (metrics.clicks ?? 0)
  );
}

function totals(posts: readonly PostPerformance[]): AnalyticsTotals {
  const impressions = sumDefined(posts.map((p) => p.metrics?.impressions));
  const reach = sumDefined(posts.map((p) => p.metrics?.reach));
  const engagement = posts.reduce((sum, p) => sum + p.engagement, 0);
  const base = impressions ?? reach;
  return {
    posts: posts.length,
    ...(impressions === undefined ? {} : { impressions }),
    ...(reach === undefined ? {} : { reach }),
    engagement,
    ...(base === undefined || base === 0 ? {} : { engagementRate: engagement / base }),
  };
}

function sumDefined(values: ReadonlyArray<number | undefined>): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length === 0 ? undefined : present.reduce((sum, value) => sum + value, 0);
}
