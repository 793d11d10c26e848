/** Options for {@link normalizeHashtags}. */
export interface NormalizeHashtagsOptions {
  /** Keep at most this many (the first ones win). */
  readonly max?: number;
}

/**
 * Cleans hashtags for publishing: strips leading `#`/`＃`, normalises to NFC, removes spaces and
 * punctuation (letters, combining marks, digits and `_` stay), drops empty and digits-only tags,
 * dedupes case-insensitively keeping the first spelling, and keeps at most `max`.
 *
 * @example normalizeHashtags(['#Summer Sale', 'summersale', '#café!']) // ['SummerSale', 'café']
 */
export function normalizeHashtags(tags: readonly string[], options: NormalizeHashtagsOptions = {}): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normalizeHashtag(raw);
    if (tag === undefined) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
    if (options.max !== undefined && result.length >= options.max) break;
  }
  return result;
}

/** Cleans one hashtag as {@link normalizeHashtags} does; `undefined` when nothing usable remains. */
export function normalizeHashtag(raw: string): string | undefined {
  const tag = raw
    .normalize('NFC')
    .replace(/^[#＃\s]+/u, '')
    .replace(NOT_HASHTAG_CHARACTER, '');
  if (tag.length === 0 || /^[\p{N}_]+$/u.test(tag)) return undefined;
  return tag;
}

/** Renders hashtags for a caption: `['a', 'b']` → `'#a #b'`. */
export function formatHashtags(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

/** Finds the hashtags written inside a text (without `#`), in order, e.g. to count them against a limit. */
export function extractHashtags(text: string): string[] {
  return Array.from(text.normalize('NFC').matchAll(HASHTAG_IN_TEXT), (match) => match[1] ?? '').filter(
    (tag) => !/^[\p{N}_]+$/u.test(tag),
  );
}

/**
 * Joins a caption body and its hashtags the way publishers send them: the body, a blank line, then
 * the hashtags. Hashtags already present in the body are not repeated.
 */
export function composeCaption(caption: string, hashtags: readonly string[]): string {
  const inBody = new Set(extractHashtags(caption).map((tag) => tag.toLowerCase()));
  const extra = hashtags.filter((tag) => !inBody.has(tag.toLowerCase()));
  const body = caption.trimEnd();
  if (extra.length === 0) return body;
  return body.length === 0 ? formatHashtags(extra) : `${body}\n\n${formatHashtags(extra)}`;
}

const NOT_HASHTAG_CHARACTER = /[^\p{L}\p{M}\p{N}_]/gu;
const HASHTAG_IN_TEXT = /(?<![\p{L}\p{M}\p{N}_&])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
