import { createHash, randomUUID } from 'node:crypto';
import type { SocialPost } from '@growthhub/core';

/**
 * A post's content hash: SHA-256 (hex) of channel, account, caption, hashtags and media URLs, the
 * recipe adapters recompute in `findPublished` to recognise a post made before a crash.
 */
export function postContentHash(
  post: Pick<SocialPost, 'channel' | 'accountId' | 'caption' | 'hashtags' | 'media'>,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        post.channel,
        post.accountId,
        post.caption,
        post.hashtags,
        post.media.map((m) => m.url),
      ]),
    )
    .digest('hex');
}

/** A fresh idempotency key for a post: set once at creation, never changed. */
export function newIdempotencyKey(): string {
  return `gh_${randomUUID().replaceAll('-', '')}`;
}

/** A fresh record id with a readable prefix (`post_…`, `cal_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}
