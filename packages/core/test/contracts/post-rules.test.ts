import { describe, expect, it } from 'vitest';
import { checkPostAgainstCapabilities, type PlatformCapabilities } from '../../src/contracts/index';
import { SocialPostSchema } from '../../src/model/index';
import { CAPTION_LIMITS } from '../../src/text/index';

const MB = 1024 * 1024;

const capabilities: PlatformCapabilities = {
  rateLimits: [{ bucket: 'tweets', limit: 100, intervalMs: 15 * 60_000 }],
  social: {
    x: {
      caption: CAPTION_LIMITS.x,
      firstComment: true,
      deletePost: true,
      asyncPublish: false,
      postKinds: {
        text: { minCount: 0, maxCount: 0, files: {} },
        image: {
          minCount: 1,
          maxCount: 4,
          files: { image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB } },
        },
        video: {
          minCount: 1,
          maxCount: 1,
          files: {
            video: {
              mimeTypes: ['video/mp4'],
              maxBytes: 512 * MB,
              minDurationMs: 500,
              maxDurationMs: 140_000,
            },
          },
        },
        thread: {
          minCount: 0,
          maxCount: 4,
          files: { image: { mimeTypes: ['image/jpeg'], maxBytes: 5 * MB } },
        },
      },
    },
    instagram: {
      caption: CAPTION_LIMITS.instagram,
      firstComment: true,
      deletePost: false,
      asyncPublish: true,
      postKinds: {
        image: {
          minCount: 1,
          maxCount: 1,
          files: { image: { mimeTypes: ['image/jpeg'], maxBytes: 8 * MB } },
        },
      },
    },
  },
};

const image = {
  kind: 'image',
  url: 'https://cdn.example.com/a.jpg',
  mimeType: 'image/jpeg',
  bytes: MB,
} as const;

function post(overrides: Record<string, unknown>) {
  return SocialPostSchema.parse({
    id: 'p1',
    storeId: 's1',
    connectionId: 'c1',
    accountId: 'u1',
    channel: 'x',
    kind: 'text',
    status: 'draft',
    caption: 'Hello',
    idempotencyKey: 'p1:x:v1',
    contentHash: 'b'.repeat(64),
    createdAt: '2026-11-26T09:00:00Z',
    updatedAt: '2026-11-26T09:00:00Z',
    ...overrides,
  });
}

function codes(overrides: Record<string, unknown>): string[] {
  return checkPostAgainstCapabilities(post(overrides), capabilities).map((issue) => issue.code);
}

describe('checkPostAgainstCapabilities', () => {
  it('passes a post that fits every rule', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ kind: 'image', media: [image, image], hashtags: ['mugs'] })).toEqual([]);
  });

  it('rejects a channel or post kind the adapter does not support, naming the fix', () => {
    const [channelIssue] = checkPostAgainstCapabilities(post({ channel: 'tiktok' }), capabilities);
    expect(channelIssue).toMatchObject({ field: 'channel', code: 'UNSUPPORTED_CHANNEL', severity: 'error' });
    const [kindIssue] = checkPostAgainstCapabilities(
      post({ channel: 'instagram', kind: 'reel', media: [image] }),
      capabilities,
    );
    expect(kindIssue).toMatchObject({ field: 'kind', code: 'UNSUPPORTED_KIND' });
    expect(kindIssue?.fix).toContain('image');
  });

  it('counts hashtags toward the X weighted limit', () => {
    const issues = checkPostAgainstCapabilities(
      post({ caption: 'a'.repeat(270), hashtags: ['toolongtag'] }),
      capabilities,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'caption',
        code: 'CAPTION_TOO_LONG',
        reason: expect.stringContaining('280'),
      }),
    ]);
    expect(codes({ caption: 'a'.repeat(270), hashtags: ['exactly'] })).toEqual([]); // 270 + 2 + 8 = 280
    expect(codes({ caption: '語'.repeat(140) })).toEqual([]);
  });

  it('checks media count, kind, MIME type, size and duration per file', () => {
    expect(codes({ kind: 'image', media: [image, image, image, image, image] })).toEqual(['MEDIA_COUNT']);
    const issues = checkPostAgainstCapabilities(
      post({
        kind: 'image',
        media: [
          { ...image, mimeType: 'image/webp' },
          { ...image, bytes: 6 * MB },
          { kind: 'video', url: 'https://cdn.example.com/v.mp4', mimeType: 'video/mp4' },
        ],
      }),
      capabilities,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['media.0.mimeType', 'MEDIA_TYPE'],
      ['media.1.bytes', 'MEDIA_TOO_LARGE'],
      ['media.2.kind', 'MEDIA_KIND'],
    ]);
    const video = {
      kind: 'video',
      url: 'https://cdn.example.com/v.mp4',
      mimeType: 'video/mp4',
      durationMs: 200_000,
    };
    expect(codes({ kind: 'video', media: [video] })).toEqual(['MEDIA_TOO_LONG']);
  });

  it('caps Instagram hashtags at 30', () => {
    const hashtags = Array.from({ length: 31 }, (_, index) => `tag${index}`);
    const issues = checkPostAgainstCapabilities(
      post({ channel: 'instagram', kind: 'image', media: [image], hashtags }),
      capabilities,
    );
    expect(issues).toEqual([expect.objectContaining({ field: 'hashtags', code: 'TOO_MANY_HASHTAGS' })]);
  });

  it('checks each thread part on its own', () => {
    const issues = checkPostAgainstCapabilities(
      post({ kind: 'thread', thread: [{ caption: 'ok' }, { caption: 'b'.repeat(281) }] }),
      capabilities,
    );
    expect(issues.map((issue) => issue.field)).toEqual(['thread.1.caption']);
  });

  it('requires text or media', () => {
    expect(codes({ caption: '' })).toContain('CAPTION_REQUIRED');
  });
});
