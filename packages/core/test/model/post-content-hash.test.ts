import { describe, expect, it } from 'vitest';
import { type PostContent, postContentHash } from '../../src/model/index';

const post: PostContent = {
  channel: 'x',
  accountId: 'acct-1',
  caption: 'New linen shirts are in',
  hashtags: ['linen', 'summer'],
  media: [{ kind: 'image', url: 'https://cdn.example/shirt.jpg', mimeType: 'image/jpeg' }],
};

describe('postContentHash', () => {
  it('gives the same hex SHA-256 for the same content, whatever else the post carries', () => {
    const hash = postContentHash(post);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(postContentHash({ ...post, media: [...post.media] })).toBe(hash);
  });

  it('changes when the caption, hashtags, media, account or channel change', () => {
    const hash = postContentHash(post);
    const variants: PostContent[] = [
      { ...post, caption: `${post.caption}!` },
      { ...post, hashtags: ['linen'] },
      { ...post, media: [] },
      { ...post, accountId: 'acct-2' },
      { ...post, channel: 'instagram' },
    ];
    for (const variant of variants) expect(postContentHash(variant)).not.toBe(hash);
  });
});
