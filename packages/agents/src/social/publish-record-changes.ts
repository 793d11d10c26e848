import type { PostStatus, PublishAttempt, SocialPost } from '@growthhub/core';
import { canTransitionPost } from '@growthhub/core';
import type { SocialContext } from './social-context';

/**
 * Writes `change` only when the post, read under its record lock, is still `from` and the model allows
 * `from → to` (core's `canTransitionPost`; `from === to` keeps the status). A post cancelled, edited or
 * settled meanwhile is left as it is and `undefined` is returned, so a publish job never overwrites a
 * change that landed between its reads and its writes.
 */
export async function updateIfStatus(
  context: SocialContext,
  postId: string,
  from: PostStatus,
  to: PostStatus,
  change: (current: SocialPost) => SocialPost,
): Promise<SocialPost | undefined> {
  try {
    return await context.posts.update(postId, (current) => {
      const allowed = current.status === from && (from === to || canTransitionPost(from, to));
      if (!allowed) throw new UnclaimedPost(current);
      return change(current);
    });
  } catch (error) {
    if (error instanceof UnclaimedPost) return undefined;
    throw error;
  }
}

/** Thrown out of an update to leave a post whose status no longer allows the change unwritten. */
export class UnclaimedPost {
  constructor(readonly post: SocialPost) {}
}

/** Attempts that count towards the limit (rate-limit and quota waits do not). */
export function countedAttempts(post: SocialPost): number {
  return post.attempts.filter(
    (attempt) => attempt.errorCode !== 'rate_limited' && attempt.errorCode !== 'quota_exceeded',
  ).length;
}

/** The attempts with the last one updated (its outcome and details). */
export function closeLast(
  attempts: readonly PublishAttempt[],
  update: Partial<PublishAttempt>,
): PublishAttempt[] {
  const last = attempts.at(-1);
  if (last === undefined) return [...attempts];
  return [...attempts.slice(0, -1), { ...last, ...update }];
}
