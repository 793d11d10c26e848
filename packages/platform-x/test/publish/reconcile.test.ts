import { PlatformApiError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { xContentFingerprint } from '../../src/index';
import { type ConnectedAccount, connectedAccount } from '../connected-account';
import { pngBytes, startMediaHost } from '../media-host';

let account: ConnectedAccount | undefined;

afterEach(async () => {
  await account?.close();
  account = undefined;
});

describe('reconciling a publish whose outcome is unknown', () => {
  it('finds a post whose response was lost after X created it, so it is not posted twice', async () => {
    account = await connectedAccount();
    const since = new Date(Date.now() - 1000).toISOString();
    account.emulator.faults.enqueue({
      kind: 'drop',
      afterHandler: true,
      match: { method: 'POST', path: '/2/tweets' },
    });
    const post = account.post({
      caption: 'Flash sale ends tonight https://shop.example.com/sale',
      hashtags: ['sale'],
    });
    const error = await account.publisher
      .publish(post, { idempotencyKey: post.idempotencyKey })
      .catch((thrown) => thrown);
    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect((error as PlatformApiError).code).toBe('network_error');
    expect(account.emulator.posts()).toHaveLength(1);

    const found = await account.publisher.findPublished({ post, contentHash: post.contentHash, since });
    const stored = account.emulator.posts()[0];
    expect(found).toEqual([
      {
        platformPostId: stored?.id,
        url: `https://x.com/i/web/status/${stored?.id}`,
        publishedAt: stored?.createdAt.toISOString(),
        matchedBy: 'contentHash',
      },
    ]);
    // The engine publishes again only when nothing was found: here it stops, and X still has one post.
    expect(account.emulator.posts().filter((p) => p.sourceText.startsWith('Flash sale'))).toHaveLength(1);
  });

  it('finds a post whose response timed out after X created it', async () => {
    account = await connectedAccount({ timeoutMs: 400 });
    const since = new Date(Date.now() - 1000).toISOString();
    account.emulator.faults.enqueue({
      kind: 'slow',
      delayMs: 1500,
      afterHandler: true,
      match: { method: 'POST', path: '/2/tweets' },
    });
    const post = account.post();
    const error = await account.publisher
      .publish(post, { idempotencyKey: post.idempotencyKey })
      .catch((thrown) => thrown);
    expect((error as PlatformApiError).code).toBe('timeout');
    const found = await account.publisher.findPublished({ post, since });
    expect(found.map((ref) => ref.platformPostId)).toEqual(
      account.emulator.posts().map((stored) => stored.id),
    );
  });

  it('matches media posts by text and media count, and finds nothing for other content', async () => {
    account = await connectedAccount();
    const host = await startMediaHost();
    try {
      const since = new Date(Date.now() - 1000).toISOString();
      const image = {
        kind: 'image' as const,
        url: host.add('/a.png', pngBytes(), 'image/png'),
        mimeType: 'image/png',
      };
      const withImage = account.post({ kind: 'image', caption: 'Same words', media: [image] });
      const published = await account.publish(withImage);
      expect(account.emulator.post(published.platformPostId)?.text).toMatch(/^Same words https:\/\/t\.co\//);
      expect(
        (await account.publisher.findPublished({ post: withImage, since })).map((ref) => ref.platformPostId),
      ).toEqual([published.platformPostId]);
      const textOnly = account.post({ caption: 'Same words' });
      expect(await account.publisher.findPublished({ post: textOnly, since })).toEqual([]);
      const later = new Date(Date.now() + 5000).toISOString();
      expect(await account.publisher.findPublished({ post: withImage, since: later })).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('matches by a fingerprint given as contentHash when no post is at hand', async () => {
    account = await connectedAccount();
    const since = new Date(Date.now() - 1000).toISOString();
    const published = await account.publish(account.post({ caption: 'Only a hash', hashtags: [] }));
    const found = await account.publisher.findPublished({
      contentHash: xContentFingerprint('Only a hash', 0),
      accountId: account.userId,
      since,
    });
    expect(found.map((ref) => ref.platformPostId)).toEqual([published.platformPostId]);
  });
});
