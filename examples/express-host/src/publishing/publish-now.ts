import type { GrowthEngine } from '@growthhub/agents';
import type { SocialPost } from '@growthhub/core';

/** How long a "publish now" request may wait for the outcome. */
export const MAX_PUBLISH_WAIT_MS = 30_000;

/**
 * Publishes a store's scheduled (or failed) post now with the engine's `social.publishNow`: the job
 * runner claims and publishes it exactly as at a planned slot (lease, attempt history,
 * reconciliation, events), skipping only the slot time, never the platform's rate limits. The engine
 * refuses drafts (approve first), published and cancelled posts with a `ValidationError` naming
 * `postId`, and answers another store's post like a missing one.
 *
 * With `waitMs`, resolves once the post is published or failed, or the wait is over, whichever is first.
 */
export async function publishNow(
  engine: GrowthEngine,
  storeId: string,
  postId: string,
  waitMs = 0,
): Promise<SocialPost> {
  const settled = waitMs > 0 ? outcomeOf(engine, postId, Math.min(waitMs, MAX_PUBLISH_WAIT_MS)) : undefined;
  let handed: SocialPost;
  try {
    handed = await engine.social.publishNow(postId, { storeId });
  } catch (error) {
    settled?.cancel();
    throw error;
  }
  if (settled === undefined) return handed;
  await settled.done;
  return engine.social.getPost(postId, { storeId });
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
