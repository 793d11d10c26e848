import type { SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { assertPublishable, loadScopedPost } from './post-review';
import { schedulePublishing } from './publish-scheduling';
import type { SocialContext } from './social-context';
import type { RecordScope } from './social-inputs';

/** Connection states a post can be published through. */
const USABLE_CONNECTION = new Set(['connected', 'expiring']);

/**
 * Publishes a post now instead of at its slot, through the job runner's usual publish job (lease,
 * `scheduled → publishing` claim, attempt history, reconciliation, events): the post's `scheduledAt`
 * becomes now and its job is made due now. Only the slot time is skipped: the engine's minimum gap
 * between posts of one account does not hold it back, but platform rate limits and quotas still do
 * (a rate-limited post goes back to `scheduled` until the reset, as at any slot).
 *
 * Which posts qualify:
 * - `scheduled` (approved, or planned in autopilot): published now.
 * - `failed`: a manual retry, like `reschedule`; allowed once the cause is gone, i.e. its
 *   connection is usable and the platform's rules pass again (otherwise a `ValidationError`).
 * - `publishing`: already on its way (e.g. a second click): returned as it is, nothing is sent twice.
 * - `draft`: refused, in every mode: publishing now never skips review, so approve it first (in
 *   autopilot, plans are created `scheduled` and need no approval).
 * - `published`, `cancelled`: refused.
 *
 * A refusal is a `ValidationError` naming `postId`; nothing is changed. With `scope.storeId`, a post
 * of another store is answered like a missing one (`RecordNotFoundError`). Returns the post as it
 * was handed to the runner; listen for `post.published` / `post.failed` for the outcome.
 */
export async function publishPostNow(
  context: SocialContext,
  postId: string,
  scope?: RecordScope,
): Promise<SocialPost> {
  const post = await loadScopedPost(context, postId, scope);
  if (post.status === 'publishing') return post;
  assertPublishableState(post);
  const connection = await context.platforms.connection(post.connectionId);
  if (connection !== undefined && !USABLE_CONNECTION.has(connection.status)) {
    throw new ValidationError({
      field: 'postId',
      reason: `the ${connection.platform} connection of post ${post.id} is ${connection.status}`,
      fix: 'reconnect the account (engine.connections.begin), then publish again',
    });
  }
  await assertPublishable(context, post, undefined);

  const now = context.clock.now().toISOString();
  const updated = await context.posts.update(post.id, (current) =>
    current.status === 'scheduled' || current.status === 'failed'
      ? { ...current, status: 'scheduled', scheduledAt: now, updatedAt: now }
      : current,
  );
  if (updated === undefined) return loadScopedPost(context, postId, scope);
  if (updated.status === 'publishing') return updated;
  // Changed meanwhile (cancelled, or published by a run that was already due): the same refusal.
  if (updated.status !== 'scheduled') assertPublishableState(updated);
  await schedulePublishing(context, [updated]);
  return updated;
}

/** Throws the `ValidationError` of a post that `publishNow` does not take in its status. */
function assertPublishableState(post: SocialPost): void {
  if (post.status === 'scheduled' || post.status === 'failed') return;
  const refusals: Record<string, { reason: string; fix: string }> = {
    draft: {
      reason: `post ${post.id} is a draft and has not been approved`,
      fix: 'approve it first (social.approve), then publish it now',
    },
    published: {
      reason: `post ${post.id} is already published`,
      fix: 'nothing to do; its url is on the post',
    },
    cancelled: {
      reason: `post ${post.id} is cancelled`,
      fix: 'a cancelled post is not published; plan a new one instead',
    },
  };
  const refusal = refusals[post.status] ?? {
    reason: `post ${post.id} is ${post.status}`,
    fix: 'publish scheduled or failed posts only',
  };
  throw new ValidationError({ field: 'postId', ...refusal });
}
