/**
 * The configuration of X's weighted post length, from the facts of twitter-text's `config/v3.json`
 * (version 3): code points in the listed ranges weigh 100, everything else `defaultWeight` (200),
 * divided by `scale` (100); every URL counts `transformedURLLength`; an emoji sequence counts once.
 */
export interface XTextConfig {
  readonly version: number;
  readonly maxWeightedTweetLength: number;
  readonly scale: number;
  readonly defaultWeight: number;
  readonly emojiParsingEnabled: boolean;
  readonly transformedURLLength: number;
  /** Inclusive code-point ranges with their weight. */
  readonly ranges: readonly { readonly start: number; readonly end: number; readonly weight: number }[];
}

/** The v3 configuration X uses today: 280 weighted, Latin-1 to Georgian and common punctuation weigh 1. */
export const X_TEXT_CONFIG_V3: XTextConfig = {
  version: 3,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: true,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
};

/** The result of {@link parseXText}. */
export interface XTextLength {
  /** Weighted length in X characters (a CJK character or emoji counts 2, a URL 23). */
  readonly weightedLength: number;
  /** True when the text is non-empty, within the limit and free of invalid characters. */
  readonly valid: boolean;
  /** `weightedLength / max × 1000`, floored (1000 = exactly full). */
  readonly permillage: number;
  /** UTF-16 index of the first character (always 0). */
  readonly validRangeStart: number;
  /**
   * UTF-16 index (inclusive, in the NFC-normalised text) of the last code unit that still fits
   * within the limit; text after it would be cut.
   */
  readonly validRangeEnd: number;
}

/**
 * Measures text as X does: NFC normalisation, weighted code points, every URL (with or without a
 * scheme) as 23, and every emoji sequence (ZWJ families, flags, keycaps, skin tones) as one weight-2
 * character.
 */
export function parseXText(text: string, config: XTextConfig = X_TEXT_CONFIG_V3): XTextLength {
  // Text made only of code points below U+0300 is already NFC (nothing there composes or decomposes).
  const normalized = FROM_COMBINING_MARKS.test(text) ? text.normalize('NFC') : text;
  const urlEnds = MAY_CONTAIN_URL.test(normalized)
    ? new Map(findUrlSpans(normalized).map((span) => [span.start, span.end]))
    : undefined;
  const limit = config.maxWeightedTweetLength * config.scale;
  let weighted = 0;
  let valid = true;
  let validRangeEnd = 0;
  let index = 0;
  while (index < normalized.length) {
    const urlEnd = urlEnds?.get(index);
    if (urlEnd !== undefined) {
      weighted += config.transformedURLLength * config.scale;
      index = urlEnd;
    } else {
      const emojiLength =
        config.emojiParsingEnabled && mayStartEmoji(normalized, index) ? emojiLengthAt(normalized, index) : 0;
      if (emojiLength > 0) {
        weighted += config.defaultWeight;
        index += emojiLength;
      } else {
        const codePoint = normalized.codePointAt(index) ?? 0;
        weighted += codePointWeight(codePoint, config);
        index += codePoint > 0xffff ? 2 : 1;
        if (codePoint >= MIN_INVALID_CHARACTER && INVALID_CHARACTERS.has(codePoint)) valid = false;
      }
    }
    if (valid && weighted <= limit) validRangeEnd = index - 1;
  }
  const weightedLength = weighted / config.scale;
  return {
    weightedLength,
    valid: valid && weightedLength > 0 && weightedLength <= config.maxWeightedTweetLength,
    permillage: Math.floor((weightedLength / config.maxWeightedTweetLength) * 1000),
    validRangeStart: 0,
    validRangeEnd,
  };
}

/** The weighted length of `text` on X; shorthand for `parseXText(text).weightedLength`. */
export function xWeightedLength(text: string): number {
  return parseXText(text).weightedLength;
}

/** A URL found in text, as UTF-16 indices `[start, end)`. */
export interface UrlSpan {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/**
 * Finds URLs the way X counts them: `http(s)://` URLs, and scheme-less domains with a known generic
 * TLD (`shop.example.com`, `example.shop/x`) or a country TLD when there is a path or a sub-domain
 * (`example.fr/x`, `www.example.fr`; a bare `example.fr` is not a URL). Trailing punctuation is not part of a URL.
 */
export function findUrlSpans(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const [, scheme, host = '', rest = ''] = match;
    const labels = host.toLowerCase().split('.');
    const tld = labels[labels.length - 1] ?? '';
    const path = trimTrailingPunctuation(rest);
    if (!isUrl(scheme !== undefined, labels.length, tld, path.length > 0)) continue;
    const start = match.index;
    const url = `${scheme ?? ''}${host}${path}`;
    spans.push({ start, end: start + url.length, url });
  }
  return spans;
}

/** Weight of one code point (before dividing by `scale`). */
function codePointWeight(codePoint: number, config: XTextConfig): number {
  for (const range of config.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  }
  return config.defaultWeight;
}

/**
 * A cheap pre-check before the emoji regex: false only where no emoji sequence can start. Every RGI
 * emoji sequence starts with an `Emoji` (or `Extended_Pictographic`) code point or a surrogate pair;
 * the keycap bases `#`, `*` and `0`–`9` start one only when U+FE0F or U+20E3 follows.
 */
function mayStartEmoji(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xa9) {
    if (!KEYCAP_BASE[unit]) return false;
    const next = text.charCodeAt(index + 1);
    return next === 0xfe0f || next === 0x20e3;
  }
  if (unit >= 0xd800 && unit <= 0xdfff) return true;
  let known = EMOJI_START_BMP[unit];
  if (known === 0) {
    known = EMOJI_PROPERTY.test(String.fromCharCode(unit)) ? MAY_START : CANNOT_START;
    EMOJI_START_BMP[unit] = known;
  }
  return known === MAY_START;
}

function emojiLengthAt(text: string, index: number): number {
  EMOJI_AT.lastIndex = index;
  const match = EMOJI_AT.exec(text);
  return match ? match[0].length : 0;
}

function isUrl(hasScheme: boolean, labelCount: number, tld: string, hasPath: boolean): boolean {
  if (!/^[a-z]{2,63}$/.test(tld)) return false;
  if (hasScheme) return true;
  if (GENERIC_TLDS.has(tld)) return true;
  // Country TLDs: X only links `name.cc` without a scheme when a path follows (t.co excepted).
  return tld.length === 2 && (hasPath || labelCount > 2);
}

function trimTrailingPunctuation(path: string): string {
  let end = path.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(path[end - 1] ?? '')) {
    if (path[end - 1] === ')' && countOf(path.slice(0, end), '(') >= countOf(path.slice(0, end), ')')) break;
    end -= 1;
  }
  return path.slice(0, end);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

// RGI emoji sequences (the v flag's property of strings matches the longest sequence), plus bare keycaps.
// biome-ignore lint/complexity/useRegexLiterals: TypeScript accepts the v flag in a literal only when targeting ES2024.
const EMOJI_AT = new RegExp('\\p{RGI_Emoji}|[#*0-9]\\u{FE0F}?\\u{20E3}', 'vy');

const URL_CANDIDATE =
  /(?<![\p{L}\p{N}@$#＃_.\-/])(https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63})(?![\p{L}\p{N}@_-])((?::\d{1,5})?(?:[/?#][^\s]*)?)/giu;

// Every URL candidate's host has a dot followed by a letter (same flags, so the same class): text
// without one is scanned for URLs no further.
const MAY_CONTAIN_URL = /\.[\p{L}]/iu;

const TRAILING_PUNCTUATION = '.,!?:;\'")]}>*';

const INVALID_CHARACTERS: ReadonlySet<number> = new Set([0xfffe, 0xfeff, 0xffff]);
const MIN_INVALID_CHARACTER = 0xfeff;

const FROM_COMBINING_MARKS = /[\u0300-\uffff]/;

const EMOJI_PROPERTY = /[\p{Emoji}\p{Extended_Pictographic}]/u;
const KEYCAP_BASE: readonly boolean[] = Array.from({ length: 0xa9 }, (_, unit) =>
  /[#*0-9]/.test(String.fromCharCode(unit)),
);
// Per BMP code unit: 0 not looked at yet, then MAY_START or CANNOT_START (filled on first sight).
const EMOJI_START_BMP = new Uint8Array(0x10000);
const MAY_START = 1;
const CANNOT_START = 2;

// A subset of generic TLDs common in commerce; scheme-less links with other gTLDs are counted as text.
const GENERIC_TLDS: ReadonlySet<string> = new Set(
  (
    'com net org edu gov mil int info biz name pro app dev shop store online site website xyz tech blog ' +
    'news club live life world today link page art design fashion beauty boutique market sale deals ' +
    'digital agency studio cloud email top vip fun space ink gallery photo photos games guide jobs mobi ' +
    'travel asia eco green love cool works zone global group company shopping clothing jewelry ' +
    'furniture house home fit health skin organic coffee pizza restaurant wine bar kitchen'
  ).split(' '),
);
