import { describe, expect, it } from 'vitest';
import {
  CAPTION_LIMITS,
  composeCaption,
  extractHashtags,
  formatHashtags,
  measureText,
  normalizeHashtag,
  normalizeHashtags,
} from '../../src/text/index';

describe('hashtag normalisation', () => {
  it('strips #, spaces and punctuation and dedupes case-insensitively, keeping the first spelling', () => {
    expect(normalizeHashtags(['#Summer Sale', 'summersale', '##café!', '＃SUMMERSALE', 'self-care'])).toEqual(
      ['SummerSale', 'café', 'selfcare'],
    );
  });

  it('normalises to NFC so composed and decomposed spellings are one tag', () => {
    expect(normalizeHashtags(['cafe\u0301', 'café'])).toEqual(['café']);
  });

  it('drops empty and digits-only tags', () => {
    expect(normalizeHashtag('#')).toBeUndefined();
    expect(normalizeHashtag('#2026')).toBeUndefined();
    expect(normalizeHashtag('#2026sale')).toBe('2026sale');
  });

  it('keeps at most the per-platform maximum', () => {
    const tags = Array.from({ length: 40 }, (_, index) => `tag${index}`);
    expect(normalizeHashtags(tags, { max: CAPTION_LIMITS.instagram.maxHashtags })).toHaveLength(30);
  });

  it('formats, extracts and composes captions without repeating tags already in the body', () => {
    expect(formatHashtags(['a', 'b'])).toBe('#a #b');
    expect(extractHashtags('Love #Mugs and #tea, not a#b or #1')).toEqual(['Mugs', 'tea']);
    expect(composeCaption('New #mugs', ['Mugs', 'tea'])).toBe('New #mugs\n\n#tea');
    expect(composeCaption('', ['tea'])).toBe('#tea');
  });
});

describe('caption limits', () => {
  it('holds the per-channel limits as data', () => {
    expect(CAPTION_LIMITS.x).toMatchObject({ unit: 'x-weighted', maxLength: 280 });
    expect(CAPTION_LIMITS.instagram).toMatchObject({ maxLength: 2200, maxHashtags: 30 });
    expect(CAPTION_LIMITS.facebook.maxLength).toBe(63_206);
    expect(CAPTION_LIMITS.tiktok).toMatchObject({ unit: 'utf16', maxLength: 2200 });
    expect(CAPTION_LIMITS.youtube).toMatchObject({ maxLength: 5000, titleMaxLength: 100 });
    expect(CAPTION_LIMITS.pinterest).toMatchObject({ maxLength: 800, titleMaxLength: 100 });
  });

  it('marks numbers not confirmed by a primary source', () => {
    expect(CAPTION_LIMITS.instagram.source).toMatch(/UNCONFIRMED/);
    expect(CAPTION_LIMITS.pinterest.source).not.toMatch(/UNCONFIRMED/);
  });

  it('measures in the channel unit', () => {
    expect(measureText('👍🏽', 'utf16')).toBe(4);
    expect(measureText('👍🏽', 'code-points')).toBe(2);
    expect(measureText('👍🏽', 'x-weighted')).toBe(2);
  });
});
