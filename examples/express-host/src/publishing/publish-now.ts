import type { GrowthEngine } from '@growthhub/agents';
import type { SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';

/** How long a "publish now" request may wait for the outcome. */
export const MAX_PUBLISH_WAIT_MS = 30_000;

/**
 * Publishes an approved (or failed) post now instead of at its slot. The engine has no `publishNow`,
 * so this moves the post's slot to one second from now; the engine's job runner then claims and
 * publishes it exactly as at a planned slot (lease, attempt history, reconciliation, events). The
 * engine's rules still apply: a post within the minimum gap (60 minutes) of another scheduled post
 * on the same account is refused with a `ValidationError` naming `scheduledAt`.
 *
 * With `waitMs`, resolves once the post is published or failed, or the wait is over, whichever is first.
 */
export async function publishNow(engine: GrowthEngine, post: SocialPost, waitMs = 0): Promise<SocialPost> {
  if (post.status === 'draft') {
    throw new ValidationError({
      field: 'postId',
      reason: `post ${post.id} is a draft`,
      fix: 'approve it first (POST /api/posts/approve)',
    });
  }
  const settled = waitMs > 0 ? outcomeOf(engine, post.id, Math.min(waitMs, MAX_PUBLISH_WAIT_MS)) : undefined;
  try {
    await engine.social.reschedule(post.id, new Date(Date.now() + 1000));
  } catch (error) {
    settled?.cancel();
    throw error;
  }
  await settled?.done;
  return engine.social.getPost(post.id);
}

/** Waits for `post.published` or `post.failed` of one post, or the timeout. */
function outcomeOf(engine: GrowthEngine, postId: string, timeoutMs: number) {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const onOutcome = (event: { postId: string }) => {
      if (event.postId === postId) finish();
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      engine.events.off('post.published', onOutcome);
      engine.events.off('post.failed', onOutcome);
      resolve();
    };
    cancel = finish;
    engine.events.on('post.published', onOutcome);
    engine.events.on('post.failed', onOutcome);
  });
  return { done, cancel: () => cancel() };
}
