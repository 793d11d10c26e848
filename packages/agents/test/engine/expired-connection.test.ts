import type { GrowthEventPayload } from '@growthhub/core';
import { AuthError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from '../social/support/kiln-catalog';
import { startXWorld, type XWorld } from '../social/support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a connection that expired', () => {
  it("fails its store's post with an AuthError, expires the connection with a reconnect URL, and leaves other stores publishing", async () => {
    world = await startXWorld({ extraStores: ['store-b'], mode: 'autopilot' });
    const { engine, emulator, clock } = world;
    const other = emulator.addUser({ username: 'studio_b', name: 'Studio B', followers: 300 });
    // Store A granted no offline access: its token cannot be refreshed once it runs out (2 hours on X).
    const connectionA = await world.connect(KILN_STORE_ID, undefined, [
      'tweet.read',
      'tweet.write',
      'users.read',
      'media.write',
    ]);
    const connectionB = await world.connect('store-b', other.id);
    const failed: GrowthEventPayload<'post.failed'>[] = [];
    const published: GrowthEventPayload<'post.published'>[] = [];
    engine.events.on('post.failed', (event) => failed.push(event));
    engine.events.on('post.published', (event) => published.push(event));
    const expired = engine.events.next('connection.expired');
    await engine.start();

    const planA = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      startDate: '2026-03-03',
    });
    const planB = await engine.social.planCalendar({
      storeId: 'store-b',
      days: 1,
      postsPerDay: 1,
      startDate: '2026-03-03',
    });
    const postA = planA.posts[0]!;
    const postB = planB.posts[0]!;

    expect(Date.parse(postA.scheduledAt!) - clock.now().getTime()).toBeGreaterThan(2 * 60 * 60 * 1000);
    await clock.advanceTo([postA.scheduledAt!, postB.scheduledAt!].sort().at(-1)!);
    await waitFor(() => failed.length === 1 && published.length === 1);

    const event = await expired;
    expect(event.connectionId).toBe(connectionA);
    expect(event.storeId).toBe(KILN_STORE_ID);
    expect(event.reconnectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\/oauth2\/authorize\?/);
    expect((await engine.connections.get(connectionA))?.status).toBe('expired');
    expect((await engine.connections.get(connectionB))?.status).toBe('connected');

    const failedPost = await engine.social.getPost(postA.id);
    expect(failedPost.status).toBe('failed');
    expect(failedPost.attempts.at(-1)).toMatchObject({
      outcome: 'failed',
      errorCode: 'auth_expired',
      retryable: false,
    });
    expect(failed[0]).toMatchObject({ postId: postA.id, retryable: false, error: { code: 'auth_expired' } });

    expect(published[0]?.postId).toBe(postB.id);
    expect((await engine.social.getPost(postB.id)).status).toBe('published');
    expect(emulator.posts().map((post) => post.authorId)).toEqual([other.id]);

    // The typed error itself: the engine's credentials for the expired connection throw AuthError.
    const error = await engine.connections.getAccessToken(connectionA).catch((caught) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).needsReconnect).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
