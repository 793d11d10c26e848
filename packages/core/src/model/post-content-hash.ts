import { createHash } from 'node:crypto';
import type { SocialPost } from './social-post';

/** The parts of a post its content hash covers. */
export type PostContent = Pick<SocialPost, 'channel' | 'accountId' | 'caption' | 'hashtags' | 'media'>;

/**
 * A post's content hash (`SocialPost.contentHash`): SHA-256 (hex) of its channel, account, caption,
 * hashtags and media URLs. One recipe for everyone who writes or reads the field: the engine sets it
 * when a post is drafted or edited, and adapters recompute it in `findPublished` to recognise a post
 * that reached the platform before a crash.
 */
export function postContentHash(post: PostContent): string {
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
