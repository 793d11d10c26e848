import type { ChannelCapabilities, MediaFileLimits, PlatformRuleIssue } from '@growthhub/core';
import {
  CAPTION_LIMITS,
  checkPostAgainstCapabilities,
  composeCaption,
  type MediaRef,
  type PlatformCapabilities,
  parseXText,
  type SocialPost,
} from '@growthhub/core';
import { X_RATE_LIMIT_RULES } from './limits';
import { X_MEDIA_MAX_BYTES } from './media';

const IMAGE: MediaFileLimits = {
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: X_MEDIA_MAX_BYTES.image,
};
const GIF: MediaFileLimits = { mimeTypes: ['image/gif'], maxBytes: X_MEDIA_MAX_BYTES.gif };
const VIDEO: MediaFileLimits = {
  mimeTypes: ['video/mp4', 'video/quicktime'],
  maxBytes: X_MEDIA_MAX_BYTES.video,
  minDurationMs: 500,
  maxDurationMs: 140_000,
};

/**
 * What X takes: text; up to 4 images (or 1 GIF); 1 video; threads whose parts each carry such
 * media; 280 weighted characters per post; a first comment (a reply); deletion. Publishing is
 * synchronous (media processing is awaited inside `publish`).
 */
export const X_CHANNEL_CAPABILITIES: ChannelCapabilities = {
  postKinds: {
    text: { minCount: 0, maxCount: 0, files: {} },
    image: { minCount: 1, maxCount: 4, files: { image: IMAGE, gif: GIF } },
    video: { minCount: 1, maxCount: 1, files: { video: VIDEO } },
    thread: { minCount: 0, maxCount: 4, files: { image: IMAGE, gif: GIF, video: VIDEO } },
  },
  caption: CAPTION_LIMITS.x,
  firstComment: true,
  deletePost: true,
  asyncPublish: false,
};

/** The X adapter's capabilities. */
export const X_CAPABILITIES: PlatformCapabilities = {
  social: { x: X_CHANNEL_CAPABILITIES },
  rateLimits: X_RATE_LIMIT_RULES,
};

/** What one post on X is made of, as sent to `POST /2/tweets`. */
export interface XPostText {
  /** The text: caption, hashtags, and the link unless the link is a quoted post. */
  readonly text: string;
  /** The quoted post's id when `post.link` is a post URL on x.com or twitter.com. */
  readonly quoteTweetId?: string;
}

/**
 * The text a post is published with. A `link` to a post on x.com (or twitter.com) makes it a quote
 * post; any other link is appended to the text (X shows it as a card).
 */
export function composeXText(post: Pick<SocialPost, 'caption' | 'hashtags' | 'link'>): XPostText {
  const text = composeCaption(post.caption, post.hashtags);
  if (post.link === undefined) return { text };
  const quoteTweetId = quotedPostId(post.link);
  if (quoteTweetId !== undefined) return { text, quoteTweetId };
  return { text: text === '' ? post.link : `${text}\n${post.link}` };
}

/** The post id in `https://x.com/<user>/status/<id>` (or twitter.com, mobile, `i/web`), if the URL is one. */
export function quotedPostId(url: string): string | undefined {
  const match =
    /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/(?:[A-Za-z0-9_]{1,15}|i\/web)\/status\/([0-9]{1,19})(?:[/?#].*)?$/.exec(
      url,
    );
  return match?.[1];
}

/**
 * Checks a post against X's rules without any request: the declared capabilities (kinds, media
 * counts, types, sizes, 280 weighted characters with hashtags) plus what X alone enforces — a GIF or
 * video goes alone, media cannot go with a quoted post, and the appended link and first comment must
 * fit too.
 */
export function validateXPost(post: SocialPost): PlatformRuleIssue[] {
  const issues = checkPostAgainstCapabilities(post, X_CAPABILITIES);
  issues.push(...mediaMix(post.media, 'media'));
  (post.thread ?? []).forEach((part, index) => {
    issues.push(...mediaMix(part.media, `thread.${index}.media`));
  });
  const { text, quoteTweetId } = composeXText(post);
  if (quoteTweetId !== undefined && post.media.length > 0) {
    issues.push(
      issue(
        'media',
        'X does not combine media with a quoted post',
        'Drop the media or the quoted post link.',
        'MEDIA_WITH_QUOTE',
      ),
    );
  }
  const captionTooLong = issues.some(
    (found) => found.field === 'caption' && found.code === 'CAPTION_TOO_LONG',
  );
  const length = parseXText(text).weightedLength;
  if (!captionTooLong && length > CAPTION_LIMITS.x.maxLength) {
    issues.push(
      issue(
        'caption',
        `${length} weighted characters with the link (a link counts 23); X allows ${CAPTION_LIMITS.x.maxLength}`,
        `Shorten the caption by ${length - CAPTION_LIMITS.x.maxLength} weighted characters.`,
        'CAPTION_TOO_LONG',
      ),
    );
  }
  if (post.firstComment !== undefined) {
    const commentLength = parseXText(post.firstComment).weightedLength;
    if (commentLength > CAPTION_LIMITS.x.maxLength) {
      issues.push(
        issue(
          'firstComment',
          `${commentLength} weighted characters; X allows ${CAPTION_LIMITS.x.maxLength}`,
          `Shorten the first comment by ${commentLength - CAPTION_LIMITS.x.maxLength} weighted characters.`,
          'CAPTION_TOO_LONG',
        ),
      );
    }
  }
  return issues;
}

function mediaMix(media: readonly MediaRef[], field: string): PlatformRuleIssue[] {
  const alone = media.filter((file) => file.kind === 'gif' || file.kind === 'video');
  if (alone.length === 0 || media.length === 1) return [];
  return [
    issue(
      field,
      `${media.length} files including a ${alone[0]?.kind}; X takes up to 4 images, or 1 GIF, or 1 video`,
      'Post the GIF or video on its own.',
      'MEDIA_MIX',
    ),
  ];
}

function issue(field: string, reason: string, fix: string, code: string): PlatformRuleIssue {
  return { field, reason, fix, code, severity: 'error' };
}
