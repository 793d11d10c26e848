import type { ChannelCapabilities, MediaRef, PostKind, SocialChannel } from '@growthhub/core';
import type { CatalogMedia } from '../catalog/index';
import type { ContentIdea, PostFormat } from './content-mix';
import type { ChannelBrief } from './writing-tasks';

/** How the Social Agent writes for a channel: hashtags, length and house style. */
export interface ChannelStyle {
  readonly hashtags: number;
  /** Target caption length in characters (the hard limit comes from the adapter). */
  readonly targetLength: number;
  /** Whether posts carry a title (YouTube, Pinterest). */
  readonly needsTitle: boolean;
  readonly style: string;
}

/** The house style per channel. */
export const CHANNEL_STYLES: Readonly<Record<SocialChannel, ChannelStyle>> = {
  x: {
    hashtags: 2,
    targetLength: 220,
    needsTitle: false,
    style: 'One or two punchy sentences; put the product link in the caption; at most two hashtags.',
  },
  instagram: {
    hashtags: 10,
    targetLength: 600,
    needsTitle: false,
    style:
      'Warm storytelling in short paragraphs; end with a call to action (the link is in the bio); hashtags at the end.',
  },
  facebook: {
    hashtags: 3,
    targetLength: 450,
    needsTitle: false,
    style: 'Conversational, two to four sentences; include the link; few hashtags.',
  },
  tiktok: {
    hashtags: 4,
    targetLength: 150,
    needsTitle: false,
    style: 'Short, hooky and casual; speak to what the video shows; the link is in the bio.',
  },
  youtube: {
    hashtags: 3,
    targetLength: 600,
    needsTitle: true,
    style: 'A clear searchable title and a description that says what the viewer will see, with the link.',
  },
  pinterest: {
    hashtags: 4,
    targetLength: 300,
    needsTitle: true,
    style: 'A keyword-rich title and description that helps people find and save the idea.',
  },
};

/** Post kinds that express each format, in order of preference. */
const KINDS_FOR_FORMAT: Readonly<Record<PostFormat, readonly PostKind[]>> = {
  video: ['video', 'reel', 'short'],
  carousel: ['carousel', 'image', 'pin'],
  image: ['image', 'pin', 'carousel'],
  text: ['text'],
};

/** How an idea goes out on one channel. */
export type ChannelFit =
  | { readonly fits: true; readonly kind: PostKind; readonly media: MediaRef[] }
  | { readonly fits: false; readonly reason: string };

/**
 * Picks the post kind and media for an idea on a channel from the adapter's capabilities: the first
 * kind of the idea's format that the channel supports and that accepts the idea's media (trimmed to
 * the kind's maximum count). An idea with media falls back to a text post where the channel allows
 * text; otherwise the idea is skipped on that channel, with the reason.
 */
export function fitIdeaToChannel(
  idea: ContentIdea,
  channel: SocialChannel,
  capabilities: ChannelCapabilities,
): ChannelFit {
  const formats: PostFormat[] = idea.format === 'text' ? ['text'] : [idea.format, 'text'];
  for (const format of formats) {
    for (const kind of KINDS_FOR_FORMAT[format]) {
      const limits = capabilities.postKinds[kind];
      if (limits === undefined) continue;
      const accepted =
        format === 'text' ? [] : idea.media.filter((item) => accepts(limits.files[item.kind], item));
      const media = accepted.slice(0, limits.maxCount).map(toMediaRef);
      if (media.length >= limits.minCount && (format === 'text' || media.length > 0))
        return { fits: true, kind, media };
    }
  }
  return {
    fits: false,
    reason: `${channel} takes none of this idea's forms (${idea.format} with ${idea.media.length} media files)`,
  };
}

/** The channel's writing brief for the model: its limits from the adapter plus the house style. */
export function channelBrief(channel: SocialChannel, capabilities: ChannelCapabilities): ChannelBrief {
  const style = CHANNEL_STYLES[channel];
  const caption = capabilities.caption;
  const needsTitle = style.needsTitle && caption.titleMaxLength !== undefined;
  return {
    channel,
    maxLength: caption.maxLength,
    unit: caption.unit,
    hashtagCount: Math.min(style.hashtags, caption.maxHashtags ?? Number.POSITIVE_INFINITY),
    needsTitle,
    titleMaxLength: needsTitle ? (caption.titleMaxLength ?? null) : null,
    targetLength: Math.max(40, Math.min(style.targetLength, Math.floor(caption.maxLength * 0.85))),
    style: style.style,
  };
}

/** A catalog asset as the media of a post (catalog-only fields removed). */
export function toMediaRef(item: CatalogMedia): MediaRef {
  const { storeId: _store, productIds: _products, ...media } = item;
  return media;
}

function accepts(
  limits: { mimeTypes: readonly string[]; maxBytes: number } | undefined,
  item: CatalogMedia,
): boolean {
  if (limits === undefined) return false;
  if (!limits.mimeTypes.includes(item.mimeType.toLowerCase())) return false;
  return item.bytes === undefined || item.bytes <= limits.maxBytes;
}
