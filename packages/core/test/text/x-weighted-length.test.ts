import { describe, expect, it } from 'vitest';
import { findUrlSpans, parseXText, xWeightedLength } from '../../src/text/index';

describe('X weighted length (twitter-text config v3)', () => {
  it('counts Latin letters as 1 each', () => {
    expect(parseXText('Hello')).toMatchObject({ weightedLength: 5, valid: true, permillage: 17 });
  });

  it('counts CJK characters as 2 each', () => {
    expect(xWeightedLength('日本語')).toBe(6);
    expect(xWeightedLength('한국어')).toBe(6);
  });

  it('uses the weight-1 ranges exactly at their edges', () => {
    expect(xWeightedLength('\u10FF')).toBe(1); // 4351, last of 0..4351
    expect(xWeightedLength('\u1100')).toBe(2); // 4352
    expect(xWeightedLength('\u2000\u200D')).toBe(2); // 8192 and 8205
    expect(xWeightedLength('\u200E')).toBe(2); // 8206
    expect(xWeightedLength('\u2010\u201F')).toBe(2); // 8208 and 8223
    expect(xWeightedLength('\u2032\u2037')).toBe(2); // 8242 and 8247
    expect(xWeightedLength('\u2038')).toBe(2); // 8248
  });

  it('counts a single emoji as 2', () => {
    expect(xWeightedLength('😀')).toBe(2);
  });

  it('counts a ZWJ family as one emoji (2)', () => {
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('🏳️‍🌈')).toBe(2);
  });

  it('counts a flag, a skin-tone emoji and keycaps as 2 each', () => {
    expect(xWeightedLength('🇫🇷')).toBe(2);
    expect(xWeightedLength('👍🏽')).toBe(2);
    expect(xWeightedLength('1️⃣')).toBe(2);
    expect(xWeightedLength('#️⃣')).toBe(2);
    expect(xWeightedLength('Go 🇯🇵 1️⃣👍🏽!')).toBe(3 + 2 + 1 + 2 + 2 + 1);
  });

  it('counts any URL as 23, with or without a scheme', () => {
    expect(xWeightedLength('https://example.com')).toBe(23);
    expect(xWeightedLength(`https://example.com/${'a'.repeat(200)}`)).toBe(23);
    expect(xWeightedLength('http://t.co/x')).toBe(23);
    expect(xWeightedLength('example.com')).toBe(23);
    expect(xWeightedLength('Shop now at shop.example.co.uk/winter?utm=x.')).toBe(12 + 23 + 1);
    expect(xWeightedLength('Visit example.com now')).toBe(6 + 23 + 4);
  });

  it('does not treat ordinary dotted words or bare country domains as URLs', () => {
    expect(findUrlSpans('e.g. this, file.js and example.fr')).toEqual([]);
    expect(findUrlSpans('example.fr/mugs')).toHaveLength(1);
    expect(findUrlSpans('mail me at ana@example.com')).toEqual([]);
  });

  it('normalises to NFC: e + combining acute counts as 1', () => {
    expect(xWeightedLength('e\u0301')).toBe(1);
    expect(parseXText('e\u0301'.repeat(280)).valid).toBe(true);
  });

  it('accepts exactly 280 and rejects 281', () => {
    expect(parseXText('a'.repeat(280))).toMatchObject({
      weightedLength: 280,
      valid: true,
      permillage: 1000,
      validRangeEnd: 279,
    });
    expect(parseXText('a'.repeat(281))).toMatchObject({
      weightedLength: 281,
      valid: false,
      validRangeEnd: 279,
    });
    expect(parseXText('語'.repeat(140))).toMatchObject({ weightedLength: 280, valid: true });
    expect(parseXText('語'.repeat(141))).toMatchObject({
      weightedLength: 282,
      valid: false,
      validRangeEnd: 139,
    });
    expect(parseXText('😀'.repeat(141))).toMatchObject({
      weightedLength: 282,
      valid: false,
      validRangeEnd: 279,
    });
  });

  it('counts 12 URLs at 23 each against the limit', () => {
    const text = Array.from({ length: 12 }, (_, index) => `https://example.com/${index}`).join(' ');
    expect(parseXText(text).weightedLength).toBe(12 * 23 + 11);
    expect(parseXText(text).valid).toBe(false);
  });

  it('treats empty text and invalid characters as not valid', () => {
    expect(parseXText('')).toMatchObject({ weightedLength: 0, valid: false });
    expect(parseXText('hi\uFFFE').valid).toBe(false);
  });
});
