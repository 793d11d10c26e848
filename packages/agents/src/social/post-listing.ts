import type { Page, SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { listAll, type SocialContext } from './social-context';
import { type ListPostsInput, ListPostsInputSchema, parseInput } from './social-inputs';

/**
 * A store's posts, optionally of one status, one calendar and one time window, in time order
 * (`scheduledAt`, then creation time for posts with none, then id), one page at a time. The window
 * is half-open on `scheduledAt`: `from` inclusive, `to` exclusive; a post without `scheduledAt` is
 * left out when a bound is given. `from` after or equal to `to` throws a `ValidationError` naming `to`.
 */
export async function listPosts(context: SocialContext, raw: ListPostsInput): Promise<Page<SocialPost>> {
  const input = parseInput(ListPostsInputSchema, raw);
  const from = input.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = input.to?.getTime() ?? Number.POSITIVE_INFINITY;
  if (from >= to) {
    throw new ValidationError({
      field: 'to',
      reason: 'is not after from',
      fix: 'pass a window whose end (to, exclusive) is later than its start (from, inclusive)',
    });
  }
  const windowed = input.from !== undefined || input.to !== undefined;
  const matching = (await listAll(context.posts, input.storeId))
    .filter(
      (post) =>
        (input.status === undefined || post.status === input.status) &&
        (input.calendarId === undefined || post.calendarId === input.calendarId) &&
        (!windowed || inWindow(post.scheduledAt, from, to)),
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
}

function inWindow(scheduledAt: string | undefined, from: number, to: number): boolean {
  if (scheduledAt === undefined) return false;
  const at = Date.parse(scheduledAt);
  return at >= from && at < to;
}
