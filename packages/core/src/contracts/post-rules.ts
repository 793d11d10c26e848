import type { MediaRef } from '../model/media';
import type { SocialPost } from '../model/social-post';
import { type CaptionLimits, measureText } from '../text/caption-limits';
import { composeCaption, extractHashtags } from '../text/hashtags';
import type { MediaLimits, PlatformCapabilities } from './capabilities';
import type { PlatformRuleIssue } from './platform-rule-issue';

/**
 * Checks a post against an adapter's declared capabilities: channel and post kind supported, media
 * count, kinds, MIME types, sizes and durations, caption length (hashtags included) in the channel's
 * unit, hashtag count and title length. Adapters call it from `validate` and add platform-only
 * checks (quota, account state). Returns every issue found; an empty list means publishable.
 */
export function checkPostAgainstCapabilities(
  post: SocialPost,
  capabilities: PlatformCapabilities,
): PlatformRuleIssue[] {
  const channel = capabilities.social?.[post.channel];
  if (channel === undefined) {
    return [
      issue(
        'channel',
        `this adapter does not publish to ${post.channel}`,
        'Pick a channel it supports.',
        'UNSUPPORTED_CHANNEL',
      ),
    ];
  }
  const limits = channel.postKinds[post.kind];
  if (limits === undefined) {
    const supported = Object.keys(channel.postKinds).join(', ');
    return [
      issue(
        'kind',
        `${post.channel} does not take ${post.kind} posts`,
        `Use one of: ${supported}.`,
        'UNSUPPORTED_KIND',
      ),
    ];
  }
  return [
    ...checkMedia(post.media, limits, 'media'),
    ...checkCaption(post, channel.caption),
    ...(post.thread ?? []).flatMap((part, index) => [
      ...checkText(part.caption, channel.caption, `thread.${index}.caption`),
      ...checkMedia(part.media, { ...limits, minCount: 0 }, `thread.${index}.media`),
    ]),
  ];
}

function checkCaption(post: SocialPost, limits: CaptionLimits): PlatformRuleIssue[] {
  const issues: PlatformRuleIssue[] = [];
  const composed = composeCaption(post.caption, post.hashtags);
  if (composed.trim().length === 0 && (limits.captionRequired || post.media.length === 0)) {
    issues.push(
      issue(
        'caption',
        'the post has neither text nor media',
        'Write a caption or attach media.',
        'CAPTION_REQUIRED',
      ),
    );
  }
  issues.push(...checkText(composed, limits, 'caption'));
  const hashtagCount = extractHashtags(composed).length;
  if (limits.maxHashtags !== undefined && hashtagCount > limits.maxHashtags) {
    issues.push(
      issue(
        'hashtags',
        `${hashtagCount} hashtags; ${post.channel} allows ${limits.maxHashtags}`,
        `Remove ${hashtagCount - limits.maxHashtags} hashtags.`,
        'TOO_MANY_HASHTAGS',
      ),
    );
  }
  if (post.title !== undefined && limits.titleMaxLength !== undefined) {
    const titleLength = measureText(post.title, limits.unit === 'x-weighted' ? 'utf16' : limits.unit);
    if (titleLength > limits.titleMaxLength) {
      issues.push(
        issue(
          'title',
          `${titleLength} characters; ${post.channel} allows ${limits.titleMaxLength}`,
          `Shorten the title by ${titleLength - limits.titleMaxLength} characters.`,
          'TITLE_TOO_LONG',
        ),
      );
    }
  }
  return issues;
}

function checkText(text: string, limits: CaptionLimits, field: string): PlatformRuleIssue[] {
  const length = measureText(text, limits.unit);
  if (length <= limits.maxLength) return [];
  const unit = limits.unit === 'x-weighted' ? 'weighted characters' : 'characters';
  return [
    issue(
      field,
      `${length} ${unit} (hashtags included); the limit is ${limits.maxLength}`,
      `Shorten it by ${length - limits.maxLength} ${unit}${field === 'caption' ? ' or drop hashtags' : ''}.`,
      'CAPTION_TOO_LONG',
    ),
  ];
}

function checkMedia(media: readonly MediaRef[], limits: MediaLimits, field: string): PlatformRuleIssue[] {
  const issues: PlatformRuleIssue[] = [];
  if (media.length < limits.minCount || media.length > limits.maxCount) {
    issues.push(
      issue(
        field,
        `${media.length} media files; this post kind takes ${limits.minCount} to ${limits.maxCount}`,
        media.length < limits.minCount
          ? 'Attach more media.'
          : `Remove ${media.length - limits.maxCount} files.`,
        'MEDIA_COUNT',
      ),
    );
  }
  media.forEach((file, index) => {
    const path = `${field}.${index}`;
    const fileLimits = limits.files[file.kind];
    if (fileLimits === undefined) {
      const accepted = Object.keys(limits.files).join(', ') || 'none';
      issues.push(
        issue(`${path}.kind`, `${file.kind} is not accepted here`, `Use: ${accepted}.`, 'MEDIA_KIND'),
      );
      return;
    }
    if (!fileLimits.mimeTypes.includes(file.mimeType.toLowerCase())) {
      issues.push(
        issue(
          `${path}.mimeType`,
          `${file.mimeType} is not accepted`,
          `Convert to ${fileLimits.mimeTypes.join(' or ')}.`,
          'MEDIA_TYPE',
        ),
      );
    }
    if (file.bytes !== undefined && file.bytes > fileLimits.maxBytes) {
      issues.push(
        issue(
          `${path}.bytes`,
          `${file.bytes} bytes; the limit is ${fileLimits.maxBytes}`,
          'Compress or shorten the file.',
          'MEDIA_TOO_LARGE',
        ),
      );
    }
    if (file.durationMs !== undefined) {
      if (fileLimits.maxDurationMs !== undefined && file.durationMs > fileLimits.maxDurationMs) {
        issues.push(
          issue(
            `${path}.durationMs`,
            `${file.durationMs} ms; the limit is ${fileLimits.maxDurationMs} ms`,
            'Trim the video.',
            'MEDIA_TOO_LONG',
          ),
        );
      }
      if (fileLimits.minDurationMs !== undefined && file.durationMs < fileLimits.minDurationMs) {
        issues.push(
          issue(
            `${path}.durationMs`,
            `${file.durationMs} ms; the minimum is ${fileLimits.minDurationMs} ms`,
            'Use a longer video.',
            'MEDIA_TOO_SHORT',
          ),
        );
      }
    }
  });
  return issues;
}

function issue(field: string, reason: string, fix: string, code: string): PlatformRuleIssue {
  return { field, reason, fix, code, severity: 'error' };
}
