import type { GrowthEventPayload } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from '../social/support/kiln-catalog';
import { startXWorld, type XWorld } from '../social/support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('the full organic path over real HTTP', () => {
  it('connects X on its emulator, plans 7 days, approves, publishes at the slots, syncs metrics and ranks the top posts', async () => {
    world = await startXWorld();
    const { engine, emulator, clock } = world;
    const published: GrowthEventPayload<'post.published'>[] = [];
    const synced: GrowthEventPayload<'metrics.synced'>[] = [];
    engine.events.on('post.published', (event) => published.push(event));
    engine.events.on('metrics.synced', (event) => synced.push(event));
    await engine.start();

    const connectionId = await world.connect();
    const connection = await engine.connections.get(connectionId);
    expect(connection?.status).toBe('connected');
    expect(connection?.accounts[0]?.kind).toBe('user');

    const plan = await engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2 });
    expect(plan.posts).toHaveLength(14);
    expect(plan.issues).toEqual([]);
    expect(plan.llmCalls).toBeLessThanOrEqual(8);
    expect(plan.posts.every((post) => post.status === 'draft' && post.channel === 'x')).toBe(true);
    expect(new Set(plan.posts.map((post) => post.caption)).size).toBe(14);
    expect(emulator.posts()).toHaveLength(0);

    const approved = await engine.social.approve(
      plan.posts.map((post) => post.id),
      { by: 'owner-1' },
    );
    expect(approved.every((post) => post.status === 'scheduled')).toBe(true);

    // Nothing goes out before the first slot.
    const first = plan.posts[0]!;
    await clock.advanceTo(new Date(Date.parse(first.scheduledAt!) - 1_000));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emulator.posts()).toHaveLength(0);

    await clock.advanceTo(first.scheduledAt!);
    await waitFor(() => published.length === 1);
    const firstPublished = await engine.social.getPost(first.id);
    expect(firstPublished.status).toBe('published');
    expect(firstPublished.platformPostId).toBe(emulator.posts()[0]?.id);
    expect(firstPublished.url).toContain(firstPublished.platformPostId);
    expect(firstPublished.attempts).toMatchObject([{ attempt: 1, outcome: 'succeeded' }]);

    // Run the week: every post goes out at its slot, the metrics sync runs every 4 hours.
    for (const post of plan.posts.slice(1)) {
      await clock.advanceTo(post.scheduledAt!);
      await waitFor(() => published.some((event) => event.postId === post.id));
    }
    expect(emulator.posts()).toHaveLength(14);
    const boosted = published[5]!;
    emulator.addEngagement(boosted.platformPostId, { likes: 500, reposts: 40 });
    await clock.advance(4 * 60 * 60 * 1000 + 1);
    await waitFor(() => synced.filter((event) => event.kind === 'posts' && event.count === 14).length > 0);

    const analytics = await engine.social.getAnalytics({ storeId: KILN_STORE_ID, days: 30, top: 3 });
    expect(analytics.overview.posts).toBe(14);
    expect(analytics.overview.followers).toBeGreaterThan(0);
    expect(analytics.overview.impressions).toBeGreaterThan(0);
    expect(analytics.topPosts).toHaveLength(3);
    expect(analytics.topPosts[0]?.postId).toBe(boosted.postId);
    expect(analytics.topPosts[0]?.engagement).toBeGreaterThanOrEqual(540);
  });
});

/** Polls until `condition` holds (the runner publishes asynchronously after the clock moves). */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
