import type { SocialChannel } from '../model/platform';
import { parseXText } from './x-weighted-length';

/**
 * How a channel counts caption length: `x-weighted` (X's weighted length), `utf16` (UTF-16 code
 * units, what JavaScript's `length` gives; an emoji counts 2) or `code-points`.
 */
export type CaptionLengthUnit = 'x-weighted' | 'utf16' | 'code-points';

/** The text limits of one social channel, as data. */
export interface CaptionLimits {
  /** How `maxLength` is counted. */
  readonly unit: CaptionLengthUnit;
  /** Longest caption (body plus appended hashtags), in `unit`. */
  readonly maxLength: number;
  /** Most hashtags in a caption, when the channel caps them. */
  readonly maxHashtags?: number;
  /** Longest title, for channels with titles (YouTube video, Pinterest pin, TikTok photo post). */
  readonly titleMaxLength?: number;
  /** Whether a caption is required (it is not on most channels when media is attached). */
  readonly captionRequired: boolean;
  /** Where the numbers come from, with UNCONFIRMED marking numbers not seen in a primary source. */
  readonly source: string;
}

/**
 * Per-channel caption limits.
 *
 * - `x`: 280 weighted characters (twitter-text `config/v3.json`; X docs "counting characters").
 * - `instagram`: 2,200 characters and 30 hashtags. UNCONFIRMED (not in our platform digest; widely
 *   documented by Meta and third parties). Counted in UTF-16 units to stay on the safe side.
 * - `facebook`: 63,206 characters for a Page post. UNCONFIRMED (not in our platform digest).
 * - `tiktok`: 2,200 UTF-16 runes for a video caption (`post_info.title`), photo-post title 90.
 *   UNCONFIRMED (the TikTok reference states the UTF-16 counting; our digest does not quote it).
 * - `youtube`: title 100, description 5,000. UNCONFIRMED (not in our platform digest or the discovery document).
 * - `pinterest`: title 100, description 800 (Pinterest OpenAPI v5 `PinCreate`).
 */
export const CAPTION_LIMITS: Readonly<Record<SocialChannel, CaptionLimits>> = {
  x: {
    unit: 'x-weighted',
    maxLength: 280,
    captionRequired: false,
    source: 'twitter-text config v3 (maxWeightedTweetLength 280)',
  },
  instagram: {
    unit: 'utf16',
    maxLength: 2200,
    maxHashtags: 30,
    captionRequired: false,
    source: 'UNCONFIRMED: 2,200 characters and 30 hashtags (Meta help pages; not in the platform digest)',
  },
  facebook: {
    unit: 'utf16',
    maxLength: 63_206,
    captionRequired: false,
    source: 'UNCONFIRMED: 63,206 characters (not in the platform digest)',
  },
  tiktok: {
    unit: 'utf16',
    maxLength: 2200,
    titleMaxLength: 90,
    captionRequired: false,
    source: 'UNCONFIRMED: caption 2,200 UTF-16 runes, photo title 90 (TikTok Content Posting reference)',
  },
  youtube: {
    unit: 'utf16',
    maxLength: 5000,
    titleMaxLength: 100,
    captionRequired: false,
    source:
      'UNCONFIRMED: title 100, description 5,000 characters (YouTube help; not in the discovery document)',
  },
  pinterest: {
    unit: 'utf16',
    maxLength: 800,
    titleMaxLength: 100,
    captionRequired: false,
    source: 'Pinterest OpenAPI v5 PinCreate: title maxLength 100, description maxLength 800',
  },
};

/** Measures `text` in `unit` (X weighted length, UTF-16 code units or code points); NFC first. */
export function measureText(text: string, unit: CaptionLengthUnit): number {
  switch (unit) {
    case 'x-weighted':
      return parseXText(text).weightedLength;
    case 'utf16':
      return text.normalize('NFC').length;
    case 'code-points':
      return Array.from(text.normalize('NFC')).length;
  }
}
