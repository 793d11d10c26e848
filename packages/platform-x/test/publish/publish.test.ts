import { PlatformApiError, ValidationError } from '@growthhub/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadInterruptedError, threadPartOutcome } from '../../src/index';
import { type ConnectedAccount, connectedAccount } from '../connected-account';
import { type MediaHost, mp4Bytes, pngBytes, startMediaHost } from '../media-host';

let account: ConnectedAccount;
let media: MediaHost;

beforeEach(async () => {
  account = await connectedAccount({ adapter: { chunkSizeBytes: 64 * 1024 } });
  media = await startMediaHost();
});

afterEach(async () => {
  await account.close();
  await media.close();
});

describe('publishing to X over HTTP', () => {
  it('publishes a text post and returns its id and URL', async () => {
    const post = account.post({ caption: 'New autumn colours are in', hashtags: ['autumn', 'style'] });
    const result = await account.publish(post);
    const stored = account.emulator.post(result.platformPostId);
    expect(stored?.text).toBe('New autumn colours are in\n\n#autumn #style');
    expect(stored?.authorId).toBe(account.userId);
    expect(result.url).toBe(`https://x.com/i/web/status/${result.platformPostId}`);
  });

  it('publishes four images, each uploaded in one request, attached to one post', async () => {
    const images = [1, 2, 3, 4].map((n) => ({
      kind: 'image' as const,
      url: media.add(`/img-${n}.png`, pngBytes(3000 + n), 'image/png'),
      mimeType: 'image/png',
    }));
    const post = account.post({ kind: 'image', media: images });
    const sent = account.mark();
    const result = await account.publish(post);
    const calls = sent();
    expect(calls.filter((call) => call.path === '/2/media/upload' && call.method === 'POST')).toHaveLength(4);
    expect(calls.filter((call) => call.path === '/2/tweets')).toHaveLength(1);
    const stored = account.emulator.post(result.platformPostId);
    expect(stored?.mediaIds).toHaveLength(4);
    for (const id of stored?.mediaIds ?? []) expect(account.emulator.media(id)?.category).toBe('tweet_image');
  });

  it('uploads a video in ordered chunks and waits pending → in_progress → succeeded before posting', async () => {
    const bytes = mp4Bytes(64 * 1024 * 3 + 1000);
    const video = {
      kind: 'video' as const,
      url: media.add('/clip.mp4', bytes, 'video/mp4'),
      mimeType: 'video/mp4',
    };
    const post = account.post({ kind: 'video', media: [video] });
    const sent = account.mark();
    const result = await account.publish(post);
    const calls = sent().map((call) => `${call.method} ${call.path.replace(/[0-9]{5,}/, ':id')}`);
    expect(calls).toEqual([
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/finalize',
      'GET /2/media/upload',
      'GET /2/media/upload',
      'POST /2/tweets',
    ]);
    const mediaId = account.emulator.post(result.platformPostId)?.mediaIds[0] ?? '';
    const uploaded = account.emulator.media(mediaId);
    expect(uploaded?.appendOrder).toEqual([0, 1, 2, 3]);
    expect(uploaded?.totalBytes).toBe(bytes.byteLength);
    // Each STATUS poll came no sooner than check_after_secs (1 s) after the previous answer.
    const finalizedAt = uploaded?.finalizedAt?.getTime() ?? 0;
    const [first, second] = uploaded?.statusChecks.map((at) => at.getTime()) ?? [];
    expect((first ?? 0) - finalizedAt).toBeGreaterThanOrEqual(1000);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1000);
    const states = account.emulator.requests
      .filter((request) => request.path === '/2/media/upload' && request.method === 'GET')
      .map((request) => request.status);
    expect(states).toEqual([200, 200]);
  });

  it('reads a video of unknown length (chunked transfer) before initialising with its total size', async () => {
    const bytes = mp4Bytes(100_000);
    const url = media.add('/stream.mp4', bytes, 'video/mp4', { chunked: true });
    const post = account.post({ kind: 'video', media: [{ kind: 'video', url, mimeType: 'video/mp4' }] });
    const result = await account.publish(post);
    const mediaId = account.emulator.post(result.platformPostId)?.mediaIds[0] ?? '';
    expect(account.emulator.media(mediaId)?.totalBytes).toBe(100_000);
  });

  it('fails cleanly, posting nothing, when X fails to process the video', async () => {
    account.emulator.scriptMediaProcessing('failed');
    const video = {
      kind: 'video' as const,
      url: media.add('/bad.mp4', mp4Bytes(5000), 'video/mp4'),
      mimeType: 'video/mp4',
    };
    const post = account.post({ kind: 'video', media: [video] });
    await expect(
      account.publisher.publish(post, { idempotencyKey: post.idempotencyKey }),
    ).rejects.toMatchObject({
      code: 'x_media_processing_failed',
      retryable: false,
    });
    expect(account.emulator.posts()).toHaveLength(0);
  });

  it('publishes a five-post thread, each part replying to the previous one', async () => {
    const post = account.post({
      kind: 'thread',
      caption: 'How we dye our wool, a thread 1/5',
      thread: [2, 3, 4, 5].map((n) => ({ caption: `Step ${n}/5 of the dyeing process`, media: [] })),
    });
    const result = await account.publish(post);
    expect(result.threadPostIds).toHaveLength(5);
    const [root, ...replies] = (result.threadPostIds ?? []).map((id) => account.emulator.post(id));
    expect(root?.inReplyToPostId).toBeUndefined();
    replies.forEach((reply, index) => {
      expect(reply?.inReplyToPostId).toBe(result.threadPostIds?.[index]);
      expect(reply?.conversationId).toBe(root?.id);
    });
  });

  it('stops a thread whose third post fails, reporting posts 1–2, with no retries', async () => {
    const tweets = { method: 'POST', path: '/2/tweets' };
    // The first two posts go through untouched; the third gets a 503.
    account.emulator.faults.enqueue({ kind: 'slow', delayMs: 0, times: 2, match: tweets });
    account.emulator.faults.enqueue({ kind: 'serverError', status: 503, match: tweets });
    const post = account.post({
      kind: 'thread',
      caption: 'Thread that breaks 1/4',
      thread: [2, 3, 4].map((n) => ({ caption: `Part ${n}/4`, media: [] })),
    });
    const sent = account.mark();
    const error = await account.publisher
      .publish(post, { idempotencyKey: post.idempotencyKey })
      .catch((thrown) => thrown);
    expect(ThreadInterruptedError.isInstance(error)).toBe(true);
    const interrupted = error as ThreadInterruptedError;
    const created = account.emulator.posts().map((stored) => stored.id);
    expect(created).toHaveLength(2);
    expect(interrupted.postedIds).toEqual(created);
    expect(interrupted.failedPart).toBe(2);
    expect(interrupted.retryable).toBe(false);
    expect(interrupted.status).toBe(503);
    expect(sent().filter((call) => call.path === '/2/tweets')).toHaveLength(3);
  });

  it('flags a thread reply that failed with a 5xx as an unknown outcome and says to reconcile first', async () => {
    const tweets = { method: 'POST', path: '/2/tweets' };
    account.emulator.faults.enqueue({ kind: 'slow', delayMs: 0, times: 1, match: tweets });
    account.emulator.faults.enqueue({ kind: 'serverError', status: 503, match: tweets });
    const post = account.post({
      kind: 'thread',
      caption: 'Thread with an unclear reply 1/2',
      thread: [{ caption: 'Part 2/2', media: [] }],
    });
    const error = await account.publisher
      .publish(post, { idempotencyKey: post.idempotencyKey })
      .catch((thrown) => thrown);
    expect(ThreadInterruptedError.isInstance(error)).toBe(true);
    const interrupted = error as ThreadInterruptedError;
    expect(interrupted.outcome).toBe('unknown');
    expect(interrupted.message).toContain('findPublished');
    expect(interrupted.message).not.toContain('Continue the thread as a reply');
  });

  it('judges a definite refusal of a thread reply as not posted, and a timeout or network failure as unknown', () => {
    const refused = new PlatformApiError({ platform: 'x', status: 400, code: 'x_invalid_request' });
    const timedOut = new PlatformApiError({ platform: 'x', status: 0, code: 'timeout' });
    const neverSent = new PlatformApiError({
      platform: 'x',
      status: 0,
      code: 'network_error',
      platformDidNotAct: true,
    });
    expect(threadPartOutcome(refused)).toBe('not_posted');
    expect(threadPartOutcome(neverSent)).toBe('not_posted');
    expect(threadPartOutcome(timedOut)).toBe('unknown');
    const error = new ThreadInterruptedError({ postedIds: ['1'], failedPart: 1, cause: refused });
    expect(error.outcome).toBe('not_posted');
    expect(error.message).toContain('Continue the thread as a reply to 1');
  });

  it('rejects a caption over 280 weighted characters in validate() and publish() without any request', async () => {
    // 141 CJK characters weigh 282.
    const post = account.post({ caption: '秋'.repeat(141) });
    const sent = account.mark();
    const issues = await account.publisher.validate(post);
    expect(issues).toContainEqual(
      expect.objectContaining({ field: 'caption', code: 'CAPTION_TOO_LONG', severity: 'error' }),
    );
    const error = await account.publisher
      .publish(post, { idempotencyKey: post.idempotencyKey })
      .catch((thrown) => thrown);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('post.caption');
    expect(sent()).toEqual([]);
  });

  it('counts every URL as 23 characters, so a long link still fits', async () => {
    const caption = `${'a'.repeat(250)} https://shop.example.com/${'p'.repeat(200)}`;
    const issues = await account.publisher.validate(account.post({ caption }));
    expect(issues).toEqual([]);
  });

  it('publishes a quote post from an X post link, and refuses media with it', async () => {
    const quoted = await account.publish(account.post());
    const link = `https://x.com/growthhub_demo/status/${quoted.platformPostId}`;
    const quote = await account.publish(account.post({ caption: 'Still our favourite', link }));
    expect(account.emulator.post(quote.platformPostId)?.quotedPostId).toBe(quoted.platformPostId);
    const image = {
      kind: 'image' as const,
      url: media.add('/q.png', pngBytes(), 'image/png'),
      mimeType: 'image/png',
    };
    const issues = await account.publisher.validate(account.post({ kind: 'image', link, media: [image] }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'media', code: 'MEDIA_WITH_QUOTE' }));
  });

  it('posts the first comment as a reply to the post', async () => {
    const post = account.post({ firstComment: 'Shop the look: https://shop.example.com/autumn' });
    const result = await account.publish(post);
    const reply = account.emulator.posts().find((stored) => stored.inReplyToPostId === result.platformPostId);
    expect(reply?.sourceText).toBe('Shop the look: https://shop.example.com/autumn');
    expect(reply?.text).toMatch(/^Shop the look: https:\/\/t\.co\/\S{10}$/);
  });

  it('refuses a GIF mixed with images before any request', async () => {
    const gif = {
      kind: 'gif' as const,
      url: media.add('/a.gif', pngBytes(), 'image/gif'),
      mimeType: 'image/gif',
    };
    const png = {
      kind: 'image' as const,
      url: media.add('/b.png', pngBytes(), 'image/png'),
      mimeType: 'image/png',
    };
    const issues = await account.publisher.validate(account.post({ kind: 'image', media: [gif, png] }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'media', code: 'MEDIA_MIX' }));
  });

  it('deletes a post and comments on one', async () => {
    const result = await account.publish(account.post());
    const comment = await account.publisher.comment?.(result.platformPostId, { text: 'Restocked!' });
    expect(account.emulator.post(comment?.platformCommentId ?? '')?.inReplyToPostId).toBe(
      result.platformPostId,
    );
    await account.publisher.deletePost?.(result.platformPostId);
    expect(account.emulator.post(result.platformPostId)?.deletedAt).toBeInstanceOf(Date);
    const status = await account.publisher.getPublishStatus(result.platformPostId);
    expect(status).toMatchObject({ status: 'failed', code: 'x_not_found' });
  });
});
