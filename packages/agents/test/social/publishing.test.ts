import type { GrowthEventName, GrowthEventPayload, SocialPost } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Starts an autopilot world with one planned X post and records the post events in order. */
async function onePostWorld(): Promise<{
  world: XWorld;
  post: SocialPost;
  events: string[];
  failures: GrowthEventPayload<'post.failed'>[];
}> {
  const started = await startXWorld({ mode: 'autopilot' });
  world = started;
  await started.connect();
  const events: string[] = [];
  const failures: GrowthEventPayload<'post.failed'>[] = [];
  for (const name of [
    'post.scheduled',
    'post.publishing',
    'post.published',
    'post.failed',
  ] as GrowthEventName[]) {
    started.engine.events.on(name, () => events.push(name));
  }
  started.engine.events.on('post.failed', (event) => failures.push(event));
  await started.engine.start();
  const plan = await started.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
  return { world: started, post: plan.posts[0]!, events, failures };
}

async function settle(
  world: XWorld,
  postId: string,
  until: (post: SocialPost) => boolean,
): Promise<SocialPost> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const post = await world.engine.social.getPost(postId);
    if (until(post)) return post;
    if (Date.now() > deadline) throw new Error(`post stayed ${post.status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

const creates = (world: XWorld) =>
  world.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');

describe('publishing through the job runner', () => {
  it('publishes at the slot and emits scheduled, publishing and published in order', async () => {
    const { world, post, events } = await onePostWorld();
    await world.clock.advanceTo(post.scheduledAt!);
    const published = await settle(world, post.id, (p) => p.status === 'published');
    expect(events).toEqual(['post.scheduled', 'post.publishing', 'post.published']);
    expect(published.publishedAt).toBe(post.scheduledAt);
    expect(world.emulator.post(published.platformPostId!)?.text).toContain('Speckled Stoneware Mug');
  });

  it('waits out a rate limit and publishes once after the reset, without failing the post', async () => {
    // Real time: the HTTP kernel's rate limiter holds the bucket until the reset in real time too.
    const started = await startXWorld({ mode: 'autopilot', realTime: true });
    world = started;
    await started.connect();
    const failures: GrowthEventPayload<'post.failed'>[] = [];
    started.engine.events.on('post.failed', (event) => failures.push(event));
    await started.engine.start();
    const plan = await started.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      startDate: tomorrow(),
    });
    started.emulator.faults.enqueue({
      kind: 'rateLimit',
      match: { method: 'POST', path: '/2/tweets' },
      retryAfterSeconds: 2,
    });
    const due = Date.now() + 300;
    const post = await started.engine.social.reschedule(plan.posts[0]!.id, new Date(due));

    const waiting = await settle(started, post.id, (p) => p.attempts[0]?.errorCode !== undefined);
    expect(waiting.status).toBe('scheduled');
    expect(waiting.attempts[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'rate_limited',
      retryable: true,
    });
    expect(failures).toMatchObject([{ retryable: true, error: { code: 'rate_limited' } }]);
    expect(Date.parse(waiting.scheduledAt!)).toBeGreaterThanOrEqual(due + 2_000);

    const published = await settle(started, post.id, (p) => p.status === 'published');
    expect(Date.parse(published.publishedAt!)).toBeGreaterThanOrEqual(due + 2_000);
    expect(published.attempts.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    expect(started.emulator.posts()).toHaveLength(1);
  });

  it('reconciles an unknown outcome with findPublished instead of sending the post again', async () => {
    const { world, post, failures } = await onePostWorld();
    // X creates the post, then the connection drops before the answer arrives.
    world.emulator.faults.enqueue({
      kind: 'drop',
      match: { method: 'POST', path: '/2/tweets' },
      afterHandler: true,
    });
    await world.clock.advanceTo(post.scheduledAt!);
    const unknown = await settle(world, post.id, (p) => p.attempts[0]?.errorCode !== undefined);
    expect(unknown.status).toBe('publishing');
    expect(unknown.attempts[0]?.outcome).toBe('unknown');
    expect(failures[0]?.retryable).toBe(true);

    await world.clock.advance(10 * 60_000);
    const published = await settle(world, post.id, (p) => p.status === 'published');
    expect(world.emulator.posts()).toHaveLength(1);
    expect(creates(world)).toHaveLength(1);
    expect(published.platformPostId).toBe(world.emulator.posts()[0]?.id);
    expect(published.attempts).toHaveLength(1);
    expect(published.attempts[0]?.outcome).toBe('succeeded');
  });

  it('keeps an unknown outcome publishing while the platform cannot be asked, and settles it once it can', async () => {
    const { world, post } = await onePostWorld();
    world.emulator.faults.enqueue({
      kind: 'drop',
      match: { method: 'POST', path: '/2/tweets' },
      afterHandler: true,
    });
    // X cannot be asked (its timeline answers 503) until the faults are cleared below.
    world.emulator.faults.enqueue({
      kind: 'serverError',
      status: 503,
      match: { method: 'GET', path: /^\/2\/users\/\d+\/tweets$/ },
      times: 1_000,
    });
    await world.clock.advanceTo(post.scheduledAt!);
    await settle(world, post.id, (p) => p.attempts[0]?.errorCode !== undefined);
    const timelineReads = () =>
      world.emulator.requests.filter((r) => r.method === 'GET' && /\/tweets$/.test(r.path)).length;

    await world.clock.advance(10 * 60_000);
    await settle(world, post.id, () => timelineReads() >= 2);
    const stillUnknown = await world.engine.social.getPost(post.id);
    expect(stillUnknown.status).toBe('publishing');
    expect(stillUnknown.attempts[0]?.outcome).toBe('unknown');
    expect(creates(world)).toHaveLength(1);

    world.emulator.faults.clear();
    await world.clock.advance(60 * 60_000);
    const published = await settle(world, post.id, (p) => p.status === 'published');
    expect(world.emulator.posts()).toHaveLength(1);
    expect(creates(world)).toHaveLength(1);
    expect(published.attempts.map((a) => a.outcome)).toEqual(['succeeded']);
  });

  it('sends again after an unknown outcome only when the platform does not have the post', async () => {
    const { world, post } = await onePostWorld();
    world.emulator.faults.enqueue({
      kind: 'serverError',
      status: 503,
      match: { method: 'POST', path: '/2/tweets' },
    });
    await world.clock.advanceTo(post.scheduledAt!);
    await settle(world, post.id, (p) => p.attempts[0]?.errorCode !== undefined);
    await world.clock.advance(10 * 60_000);
    const published = await settle(world, post.id, (p) => p.status === 'published');
    expect(creates(world)).toHaveLength(2);
    expect(world.emulator.posts()).toHaveLength(1);
    expect(published.attempts.map((a) => [a.outcome, a.errorCode])).toEqual([
      ['failed', 'not_on_platform'],
      ['succeeded', undefined],
    ]);
  });

  it('fails a post the platform rejects outright, without retrying', async () => {
    const { world, post, failures } = await onePostWorld();
    const second = (
      await world.engine.social.planCalendar({
        storeId: KILN_STORE_ID,
        days: 1,
        postsPerDay: 1,
        startDate: '2026-03-03',
      })
    ).posts[0]!;
    await world.clock.advanceTo(post.scheduledAt!);
    const first = await settle(world, post.id, (p) => p.status === 'published');
    // The same text again: X refuses duplicate content (403).
    await world.engine.social.edit(second.id, {
      caption: first.caption,
      hashtags: first.hashtags,
      media: first.media,
    });
    await world.clock.advanceTo(second.scheduledAt!);
    const failed = await settle(world, second.id, (p) => p.status === 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ outcome: 'failed', retryable: false });
    expect(failures.at(-1)).toMatchObject({ postId: second.id, retryable: false });
    await world.clock.advance(24 * 60 * 60_000);
    expect(creates(world)).toHaveLength(2);
  });

  it('does not publish a cancelled post, and a rescheduled post goes out at its new time', async () => {
    const { world, post } = await onePostWorld();
    const later = await world.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      startDate: '2026-03-03',
    });
    await world.engine.social.cancel(post.id);
    const moved = await world.engine.social.reschedule(later.posts[0]!.id, '2026-03-02T15:30:00Z');
    expect(moved.status).toBe('scheduled');
    await world.clock.advanceTo('2026-03-02T15:29:00Z');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(world.emulator.posts()).toHaveLength(0);
    await world.clock.advanceTo('2026-03-02T15:30:00Z');
    const published = await settle(world, moved.id, (p) => p.status === 'published');
    expect(published.publishedAt).toBe('2026-03-02T15:30:00.000Z');
    expect((await world.engine.social.getPost(post.id)).status).toBe('cancelled');
    expect(world.emulator.posts()).toHaveLength(1);
  });
});
