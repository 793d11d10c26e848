import { X_BUCKETS } from './limits';
import type { XApi } from './x-api';
import { requireXId } from './x-id';
import { PostListSchema, type XPost } from './x-responses';

/** Which part of a user's timeline to read; see {@link readUserTimeline}. */
export interface TimelineQuery {
  userId: string;
  /** The caller's name for `userId` in the error when it is not an X id; default `userId`. */
  userIdField?: string;
  /** `start_time`, as X wants it: `YYYY-MM-DDTHH:mm:ssZ`. */
  startTime: string;
  /** `end_time` in the same form; absent: up to now. */
  endTime?: string;
  /** The `tweet.fields` to ask for. */
  fields: string;
  /** Pages read at most (100 posts each). */
  maxPages: number;
  signal?: AbortSignal;
}

/**
 * Reads a user's own posts (reposts excluded) from `GET /2/users/:id/tweets`, newest first, following
 * `next_token` for at most `query.maxPages` pages.
 */
export async function readUserTimeline(api: XApi, query: TimelineQuery): Promise<XPost[]> {
  requireXId(query.userId, query.userIdField ?? 'userId');
  const posts: XPost[] = [];
  let paginationToken: string | undefined;
  for (let page = 0; page < query.maxPages; page += 1) {
    const { data } = await api.send({
      method: 'GET',
      path: `/2/users/${encodeURIComponent(query.userId)}/tweets`,
      bucket: X_BUCKETS.timeline,
      searchParams: {
        start_time: query.startTime,
        end_time: query.endTime,
        max_results: 100,
        exclude: 'retweets',
        'tweet.fields': query.fields,
        pagination_token: paginationToken,
      },
      responseSchema: PostListSchema,
      signal: query.signal,
    });
    posts.push(...(data.data ?? []));
    paginationToken = data.meta?.next_token;
    if (paginationToken === undefined) break;
  }
  return posts;
}
