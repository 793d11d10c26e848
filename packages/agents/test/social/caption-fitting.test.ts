import { composeCaption, measureText } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { assembleCaption, shortenToFit, truncateToLength } from '../../src/social/index';

const X = { maxLength: 280, unit: 'x-weighted' as const };

describe('caption fitting', () => {
  it('keeps essential sentences and adds optional ones while under the target', () => {
    const fitted = assembleCaption(
      [
        { text: 'Meet the mug.', essential: true },
        { text: 'It holds 350 ml.' },
        { text: 'A'.repeat(100) },
        { text: 'Shop now.' },
      ],
      ['Ceramics'],
      { ...X, targetLength: 40 },
    );
    expect(fitted.caption).toBe('Meet the mug. It holds 350 ml. Shop now.');
    expect(fitted.hashtags).toEqual(['Ceramics']);
  });

  it('drops hashtags from the end before cutting words, and cuts at a word boundary with an ellipsis', () => {
    const body = 'Clay '.repeat(54).trim(); // 269 characters; "\n\n#One #Two" makes 280
    const dropped = shortenToFit(body, ['One', 'Two', 'Three'], X);
    expect(dropped.caption).toBe(body);
    expect(dropped.hashtags).toEqual(['One', 'Two']);
    const cut = shortenToFit('Glaze '.repeat(60), ['Tag'], X);
    expect(cut.caption.endsWith('Glaze…')).toBe(true);
    expect(measureText(composeCaption(cut.caption, cut.hashtags), 'x-weighted')).toBeLessThanOrEqual(280);
  });

  it('caps hashtags at the channel maximum', () => {
    const fitted = shortenToFit('Hi', ['a1', 'b2', 'c3', 'd4'], {
      maxLength: 2200,
      unit: 'utf16',
      maxHashtags: 2,
    });
    expect(fitted.hashtags).toEqual(['a1', 'b2']);
  });

  it('counts in the channel unit: an emoji weighs 2 on X', () => {
    const text = `${'🏺'.repeat(200)}`;
    const cut = truncateToLength(text, 280, 'x-weighted');
    expect(measureText(cut, 'x-weighted')).toBeLessThanOrEqual(280);
    expect(cut.endsWith('…')).toBe(true);
  });
});
