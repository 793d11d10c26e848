import { afterEach, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function publishedWorld(): Promise<{ world: XWorld; postIds: string[] }> {
  const started = await startXWorld({ mode: 'autopilot' });
  world = started;
  await started.connect();
  await started.engine.start();
  const plan = await started.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 2 });
  const published = new Set<string>();
  started.engine.events.on('post.published', (event) => published.add(event.postId));
  await started.clock.advanceTo(plan.posts[1]!.scheduledAt!);
  const deadline = Date.now() + 10_000;
  while (published.size < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  return { world: started, postIds: plan.posts.map((post) => post.id) };
}

describe('analytics', () => {
  it('syncs metrics on demand and reports overview, per-channel totals, per-post numbers and the top posts', async () => {
    const { world, postIds } = await publishedWorld();
    const second = await world.engine.social.getPost(postIds[1]!);
    world.emulator.addEngagement(second.platformPostId!, { likes: 120, replies: 8 });
    await world.clock.advance(60 * 60_000);
    const report = await world.engine.social.syncMetrics({ storeId: KILN_STORE_ID });
    expect(report).toMatchObject({ posts: 2, accounts: 1, errors: [] });

    const analytics = await world.engine.social.getAnalytics({ storeId: KILN_STORE_ID, days: 7, top: 1 });
    expect(analytics.overview.posts).toBe(2);
    expect(analytics.overview.followers).toBeGreaterThan(0);
    expect(analytics.overview.impressions).toBeGreaterThan(0);
    expect(analytics.overview.engagementRate).toBeGreaterThan(0);
    expect(analytics.byChannel.x?.posts).toBe(2);
    expect(analytics.topPosts.map((post) => post.postId)).toEqual([postIds[1]]);
    expect(analytics.topPosts[0]?.engagement).toBeGreaterThanOrEqual(128);
    expect(analytics.topPosts[0]?.url).toContain(second.platformPostId!);

    const otherChannel = await world.engine.social.getAnalytics({
      storeId: KILN_STORE_ID,
      days: 7,
      channel: 'instagram',
    });
    expect(otherChannel.posts).toEqual([]);
    expect(otherChannel.overview.posts).toBe(0);
  });

  it('reports a connection it cannot sync and keeps going', async () => {
    const { world } = await publishedWorld();
    const connection = (await world.engine.connections.list(KILN_STORE_ID)).items[0]!;
    await world.engine.connections.revoke(connection.id);
    const errors: string[] = [];
    world.engine.events.on('engine.error', (event) => errors.push(event.source));
    const report = await world.engine.social.syncMetrics({ storeId: KILN_STORE_ID });
    expect(report.posts).toBe(0);
    expect(report.errors).toMatchObject([{ connectionId: connection.id, code: 'auth_expired' }]);
    expect(errors).toEqual(['sync:metrics']);
  });
});
