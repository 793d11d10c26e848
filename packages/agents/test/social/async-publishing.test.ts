import { randomBytes } from 'node:crypto';
import type { PlatformAdapter, PublishStatusResult } from '@growthhub/core';
import { CAPTION_LIMITS, checkPostAgainstCapabilities, memoryStore } from '@growthhub/core';
import { createEmulator, type Emulator, json } from '@growthhub/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inMemoryCatalog } from '../../src/catalog/index';
import { createGrowthEngine } from '../../src/engine/index';
import { manualClock } from '../../src/jobs/index';
import { KILN_STORE_ID, kilnCatalogData } from './support/kiln-catalog';
import { seedConnection } from './support/stand-in-platforms';
import { MONDAY_MORNING } from './support/x-world';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/**
 * A tiny video platform on core's emulator kit: a publish is accepted with a `publish_id` and
 * finishes processing after two status polls, like TikTok's Content Posting API.
 */
async function startVideoPlatform(): Promise<{
  emulator: Emulator;
  adapter: PlatformAdapter;
  polls: () => number;
}> {
  const kit = createEmulator({ platform: 'tiktok', envelope: 'tiktok' });
  const jobs = new Map<string, number>();
  let polls = 0;
  kit.route('POST', '/v2/post/publish/video/init/', (request) => {
    const id = `pub_${jobs.size + 1}`;
    jobs.set(id, 0);
    return json({ data: { publish_id: id, caption: (request.body as { caption: string }).caption } });
  });
  kit.route('POST', '/v2/post/publish/status/fetch/', (request) => {
    const id = (request.body as { publish_id: string }).publish_id;
    polls += 1;
    const seen = (jobs.get(id) ?? 0) + 1;
    jobs.set(id, seen);
    return json({
      data: seen < 2 ? { status: 'PROCESSING_UPLOAD' } : { status: 'PUBLISH_COMPLETE', post_id: `v_${id}` },
    });
  });
  await kit.listen();
  const capabilities = {
    social: {
      tiktok: {
        postKinds: {
          video: { minCount: 1, maxCount: 1, files: { video: { mimeTypes: ['video/mp4'], maxBytes: 1e9 } } },
        },
        caption: CAPTION_LIMITS.tiktok,
        firstComment: false,
        deletePost: false,
        asyncPublish: true,
      },
    },
    rateLimits: [],
  };
  const Status = z.object({ data: z.object({ status: z.string(), post_id: z.string().optional() }) });
  const adapter: PlatformAdapter = {
    specificationVersion: 'v1',
    id: 'tiktok',
    displayName: 'Video platform (test)',
    oauth: {
      client: { id: 'c', secret: 's', redirectUris: ['http://localhost/callback'] },
      authorizeUrl: `${kit.url}/authorize`,
      tokenUrl: `${kit.url}/token`,
      scopes: ['video.publish'],
    },
    capabilities,
    social: (ctx) => ({
      validate: async (post) => checkPostAgainstCapabilities(post, capabilities),
      async publish(post) {
        const { data } = await ctx.http.request({
          method: 'POST',
          url: `${kit.url}/v2/post/publish/video/init/`,
          json: { caption: post.caption, video_url: post.media[0]?.url },
          auth: ctx.credentials,
          responseSchema: z.object({ data: z.object({ publish_id: z.string() }) }),
        });
        return { status: 'processing', handle: data.data.publish_id };
      },
      async getPublishStatus(handle): Promise<PublishStatusResult> {
        const { data } = await ctx.http.request({
          method: 'POST',
          url: `${kit.url}/v2/post/publish/status/fetch/`,
          json: { publish_id: handle },
          auth: ctx.credentials,
          responseSchema: Status,
        });
        if (data.data.status !== 'PUBLISH_COMPLETE') return { status: 'processing', handle };
        const id = data.data.post_id as string;
        return { status: 'published', platformPostId: id, url: `https://video.example/${id}` };
      },
      findPublished: async () => [],
      getPostMetrics: async () => [],
      getAccountInsights: async () => {
        throw new Error('not used');
      },
    }),
  };
  return { emulator: kit, adapter, polls: () => polls };
}

describe('asynchronous publishing', () => {
  it('keeps a processing post publishing, polls it with the same job, and marks it published when done', async () => {
    const platform = await startVideoPlatform();
    emulator = platform.emulator;
    const store = memoryStore();
    const keys = [randomBytes(32).toString('base64')];
    await seedConnection(store, keys, {
      storeId: KILN_STORE_ID,
      platform: 'tiktok',
      accounts: [{ id: 'tt-1', kind: 'user', name: 'kiln' }],
    });
    const clock = manualClock(MONDAY_MORNING);
    const engine = createGrowthEngine({
      platforms: [platform.adapter],
      store,
      encryptionKeys: keys,
      catalog: inMemoryCatalog(kilnCatalogData()),
      clock,
      mode: 'autopilot',
    });
    const events: string[] = [];
    for (const name of ['post.publishing', 'post.processing', 'post.published'] as const)
      engine.events.on(name, () => events.push(name));
    await engine.start();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      channels: ['tiktok'],
    });
    const post = plan.posts[0]!;
    expect(post.kind).toBe('video');

    await clock.advanceTo(post.scheduledAt!);
    await waitFor(async () => (await engine.social.getPost(post.id)).processingHandle !== undefined);
    const processing = await engine.social.getPost(post.id);
    expect(processing.status).toBe('publishing');
    expect(processing.processingHandle).toBe('pub_1');

    await clock.advance(30_000);
    await waitFor(() => platform.polls() === 1);
    expect((await engine.social.getPost(post.id)).status).toBe('publishing');
    await clock.advance(30_000);
    await waitFor(async () => (await engine.social.getPost(post.id)).status === 'published');
    const published = await engine.social.getPost(post.id);
    expect(published).toMatchObject({ platformPostId: 'v_pub_1', url: 'https://video.example/v_pub_1' });
    expect(published.processingHandle).toBeUndefined();
    expect(published.attempts).toMatchObject([{ attempt: 1, outcome: 'succeeded' }]);
    expect(events).toEqual(['post.publishing', 'post.processing', 'post.processing', 'post.published']);
    await engine.stop();
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
