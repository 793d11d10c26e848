import type { SocialPost } from '@growthhub/core';
import type { SocialContext } from './social-context';

/** Emits `post.publishing` for a post just claimed (`now` is the claim's time). */
export function emitPublishing(context: SocialContext, claimed: SocialPost, now: string): void {
  context.events.emit('post.publishing', {
    at: now,
    storeId: claimed.storeId,
    postId: claimed.id,
    channel: claimed.channel,
    attempt: claimed.attempts.length,
  });
}

/** Emits `post.failed` for a post whose last attempt failed with `failure`, and whether it will be retried. */
export function emitFailed(
  context: SocialContext,
  post: SocialPost,
  failure: { readonly code: string; readonly message: string },
  retryable: boolean,
): void {
  context.events.emit('post.failed', {
    at: context.clock.now().toISOString(),
    storeId: post.storeId,
    postId: post.id,
    channel: post.channel,
    attempt: post.attempts.length,
    error: { code: failure.code, message: failure.message },
    retryable,
  });
}
