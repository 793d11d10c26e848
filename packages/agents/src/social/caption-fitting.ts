import { type CaptionLengthUnit, composeCaption, measureText } from '@growthhub/core';

/** The length rules a caption is fitted to. */
export interface CaptionFit {
  /** Hard limit for the caption with its hashtags appended, in `unit`. */
  readonly maxLength: number;
  readonly unit: CaptionLengthUnit;
  /** Most hashtags allowed, when the channel caps them. */
  readonly maxHashtags?: number;
  /** Soft target: optional sentences are added only while the caption stays under it. */
  readonly targetLength?: number;
}

/** One sentence of a caption being assembled. */
export interface CaptionSentence {
  readonly text: string;
  /** Essential sentences are kept even past the soft target (but never past the hard limit). */
  readonly essential?: boolean;
}

/** A caption and the hashtags that go with it. */
export interface FittedCaption {
  readonly caption: string;
  readonly hashtags: string[];
}

/**
 * Builds a caption from sentences in display order: essential sentences always, optional ones while
 * the caption stays under the soft target; then fits it to the hard limit with
 * {@link shortenToFit}. Sentences are joined with `separator` (a space, or blank lines for long-form
 * channels).
 */
export function assembleCaption(
  sentences: readonly CaptionSentence[],
  hashtags: readonly string[],
  fit: CaptionFit,
  separator = ' ',
): FittedCaption {
  const target = Math.min(fit.targetLength ?? fit.maxLength, fit.maxLength);
  const kept: string[] = [];
  for (const sentence of sentences) {
    const text = sentence.text.trim();
    if (text === '') continue;
    const candidate = [...kept, text].join(separator);
    if (sentence.essential || measureText(candidate, fit.unit) <= target) kept.push(text);
  }
  return shortenToFit(kept.join(separator), hashtags, fit);
}

/**
 * Makes a caption fit the hard limit without a model: first drops hashtags beyond `maxHashtags`, then
 * drops hashtags from the end while the whole is too long, then cuts the caption at a word boundary
 * and ends it with `…`. Used for template captions and as the last resort after a failed rewrite.
 */
export function shortenToFit(caption: string, hashtags: readonly string[], fit: CaptionFit): FittedCaption {
  let tags = fit.maxHashtags === undefined ? [...hashtags] : hashtags.slice(0, fit.maxHashtags);
  const length = () => measureText(composeCaption(caption, tags), fit.unit);
  while (tags.length > 0 && length() > fit.maxLength) tags = tags.slice(0, -1);
  if (length() <= fit.maxLength) return { caption, hashtags: tags };
  return { caption: truncateToLength(caption, fit.maxLength, fit.unit), hashtags: [] };
}

/** Cuts `text` at a word boundary so that it plus `…` measures at most `maxLength` in `unit`. */
export function truncateToLength(text: string, maxLength: number, unit: CaptionLengthUnit): string {
  if (measureText(text, unit) <= maxLength) return text;
  const words = text.split(/(\s+)/);
  let result = '';
  for (const word of words) {
    const next = result + word;
    if (measureText(`${next.trimEnd()}…`, unit) > maxLength) break;
    result = next;
  }
  result = result.trimEnd().replace(/[\s,;:.!?-]+$/u, '');
  if (result === '') {
    // A single word longer than the limit: cut by code points.
    const points = Array.from(text);
    while (points.length > 0 && measureText(`${points.join('')}…`, unit) > maxLength) points.pop();
    result = points.join('');
  }
  return `${result}…`;
}
