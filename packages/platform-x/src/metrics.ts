import type {
  AccountInsights,
  AccountInsightsDay,
  AccountInsightsOptions,
  CallOptions,
  DateRange,
  PostMetrics,
} from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { X_BUCKETS } from './limits';
import { readUserTimeline } from './timeline';
import type { XApi } from './x-api';
import { requireXId } from './x-id';
import { MeSchema, PostListSchema, type XPost } from './x-responses';

/** Ids per `GET /2/tweets` call (X's maximum). */
const IDS_PER_CALL = 100;
/** Timeline pages read for account insights at most (100 posts each). */
const MAX_PAGES = 10;

/**
 * Reads engagement for published posts with `GET /2/tweets?ids=…&tweet.fields=public_metrics`, 100
 * ids per call. Reposts are read from `repost_count` (v2.167) or `retweet_count` (v2.159); shares are
 * reposts plus quotes. Ids X no longer has (partial `errors[]`) are left out.
 */
export async function readPostMetrics(
  api: XApi,
  platformPostIds: readonly string[],
  options: CallOptions = {},
): Promise<PostMetrics[]> {
  const ids = [...new Set(platformPostIds.map((id, index) => requireXId(id, `platformPostIds[${index}]`)))];
  const metrics: PostMetrics[] = [];
  for (let offset = 0; offset < ids.length; offset += IDS_PER_CALL) {
    const { data } = await api.send({
      method: 'GET',
      path: '/2/tweets',
      bucket: X_BUCKETS.lookupPosts,
      searchParams: {
        ids: ids.slice(offset, offset + IDS_PER_CALL).join(','),
        'tweet.fields': 'public_metrics',
      },
      responseSchema: PostListSchema,
      signal: options.signal,
    });
    const collectedAt = new Date().toISOString();
    for (const post of data.data ?? []) metrics.push(toPostMetrics(post, collectedAt));
  }
  return metrics;
}

/**
 * Account insights over a date range. X offers no account-level history to this API tier, so:
 * `followers` is the current count from `GET /2/users/me` `public_metrics`, and impressions and
 * engagements sum the public metrics of the account's posts created in the range, each post's
 * lifetime counts attributed to the day (UTC) it was created.
 */
export async function readAccountInsights(
  api: XApi,
  range: DateRange,
  options: AccountInsightsOptions,
): Promise<AccountInsights> {
  const { data: me } = await api.send({
    method: 'GET',
    path: '/2/users/me',
    bucket: X_BUCKETS.me,
    searchParams: { 'user.fields': 'public_metrics' },
    responseSchema: MeSchema,
    signal: options.signal,
  });
  if (me.data.id !== options.accountId) {
    throw new ValidationError({
      field: 'accountId',
      reason: `the connection is X user ${me.data.id}, not ${options.accountId}`,
      fix: 'ask for the insights of the connected user',
    });
  }
  const posts = await postsInRange(api, me.data.id, range, options.signal);
  const days = new Map<string, AccountInsightsDay>();
  for (const day of eachDay(range)) days.set(day, { date: day, impressions: 0, engagements: 0 });
  for (const post of posts) {
    const day = days.get((post.created_at ?? '').slice(0, 10));
    if (day === undefined) continue;
    day.impressions = (day.impressions ?? 0) + (post.public_metrics?.impression_count ?? 0);
    day.engagements = (day.engagements ?? 0) + engagements(post);
  }
  const daily = [...days.values()];
  const followers = me.data.public_metrics?.followers_count;
  return {
    platform: 'x',
    accountId: me.data.id,
    range,
    collectedAt: new Date().toISOString(),
    ...(followers === undefined ? {} : { followers }),
    impressions: daily.reduce((total, day) => total + (day.impressions ?? 0), 0),
    engagements: daily.reduce((total, day) => total + (day.engagements ?? 0), 0),
    daily,
  };
}

function toPostMetrics(post: XPost, collectedAt: string): PostMetrics {
  const counts = post.public_metrics;
  const reposts = counts?.repost_count ?? counts?.retweet_count;
  const metrics: PostMetrics = { platformPostId: post.id, channel: 'x', collectedAt };
  if (counts?.impression_count !== undefined) metrics.impressions = counts.impression_count;
  if (counts?.like_count !== undefined) metrics.likes = counts.like_count;
  if (counts?.reply_count !== undefined) metrics.comments = counts.reply_count;
  if (reposts !== undefined || counts?.quote_count !== undefined)
    metrics.shares = (reposts ?? 0) + (counts?.quote_count ?? 0);
  if (counts?.bookmark_count !== undefined) metrics.saves = counts.bookmark_count;
  return metrics;
}

function engagements(post: XPost): number {
  const counts = post.public_metrics;
  if (counts === undefined) return 0;
  return (
    (counts.like_count ?? 0) +
    (counts.reply_count ?? 0) +
    (counts.repost_count ?? counts.retweet_count ?? 0) +
    (counts.quote_count ?? 0) +
    (counts.bookmark_count ?? 0)
  );
}

async function postsInRange(
  api: XApi,
  userId: string,
  range: DateRange,
  signal?: AbortSignal,
): Promise<XPost[]> {
  const start = `${range.since}T00:00:00Z`;
  const endMs = Date.parse(`${range.until}T00:00:00Z`) + 86_400_000;
  // X refuses an end_time in the future; without one the timeline runs to now.
  const end = endMs < Date.now() - 10_000 ? new Date(endMs).toISOString().replace('.000Z', 'Z') : undefined;
  return readUserTimeline(api, {
    userId,
    startTime: start,
    endTime: end,
    fields: 'created_at,public_metrics',
    maxPages: MAX_PAGES,
    signal,
  });
}

function eachDay(range: DateRange): string[] {
  const days: string[] = [];
  for (
    let at = Date.parse(`${range.since}T00:00:00Z`);
    at <= Date.parse(`${range.until}T00:00:00Z`);
    at += 86_400_000
  ) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}
