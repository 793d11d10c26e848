import type { GrowthEventName, SocialPost, Store } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { MONDAY_MORNING, startXWorld, type XWorld } from './support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function started(options: Parameters<typeof startXWorld>[0]): Promise<XWorld> {
  world = await startXWorld(options);
  await world.connect();
  await world.engine.start();
  return world;
}

async function settle(w: XWorld, postId: string, until: (post: SocialPost) => boolean): Promise<SocialPost> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const post = await w.engine.social.getPost(postId);
    if (until(post)) return post;
    if (Date.now() > deadline) throw new Error(`post stayed ${post.status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function snapshot(store: Store): Promise<string> {
  const entries: string[] = [];
  for await (const entry of store.entries()) entries.push(`${entry.key}=${JSON.stringify(entry.value)}`);
  return entries.sort().join('\n');
}

/** The call's rejection, asserted to be a `ValidationError` naming `postId` that wrote nothing. */
async function refusal(w: XWorld, call: () => Promise<unknown>): Promise<ValidationError> {
  const before = await snapshot(w.store);
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(ValidationError.isInstance(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  expect((error as ValidationError).field).toBe('postId');
  expect(await snapshot(w.store)).toBe(before);
  return error as ValidationError;
}

const creates = (w: XWorld) =>
  w.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');

describe('social.publishNow', () => {
  it('publishes a scheduled post once, now, even when asked twice at the same time', async () => {
    const w = await started({ mode: 'autopilot' });
    const events: string[] = [];
    for (const name of ['post.scheduled', 'post.publishing', 'post.published'] as GrowthEventName[]) {
      w.engine.events.on(name, () => events.push(name));
    }
    const plan = await w.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
    const post = plan.posts[0]!;
    expect(Date.parse(post.scheduledAt!)).toBeGreaterThan(Date.parse(MONDAY_MORNING));
    events.length = 0;

    const calls = await Promise.allSettled([
      w.engine.social.publishNow(post.id, { storeId: KILN_STORE_ID }),
      w.engine.social.publishNow(post.id, { storeId: KILN_STORE_ID }),
    ]);
    expect(calls.filter((call) => call.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const call of calls)
      if (call.status === 'rejected') expect(ValidationError.isInstance(call.reason)).toBe(true);

    const published = await settle(w, post.id, (p) => p.status === 'published');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(creates(w)).toHaveLength(1);
    expect(w.emulator.posts()).toHaveLength(1);
    expect(published.attempts.map((attempt) => attempt.outcome)).toEqual(['succeeded']);
    // Now on the manual clock, not at the planned slot.
    expect(published.publishedAt).toBe(MONDAY_MORNING);
    expect(events.filter((name) => name !== 'post.scheduled')).toEqual(['post.publishing', 'post.published']);

    const again = await refusal(w, () => w.engine.social.publishNow(post.id));
    expect(again.reason).toMatch(/already published/);
  });

  it('skips the minimum gap between posts of one account, but not the platform’s rate limit', async () => {
    // Real time: the HTTP kernel's rate limiter holds the bucket until the reset in real time too.
    const w = await started({ mode: 'autopilot', realTime: true });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plan = await w.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      startDate: tomorrow,
    });
    const [first, second] = plan.posts as [SocialPost, SocialPost];
    await w.engine.social.publishNow(first.id);
    await settle(w, first.id, (p) => p.status === 'published');

    w.emulator.faults.enqueue({
      kind: 'rateLimit',
      match: { method: 'POST', path: '/2/tweets' },
      retryAfterSeconds: 2,
    });
    const asked = Date.now();
    const handed = await w.engine.social.publishNow(second.id, { storeId: KILN_STORE_ID });
    expect(handed.status).toBe('scheduled');
    const waiting = await settle(w, second.id, (p) => p.attempts[0]?.errorCode !== undefined);
    expect(waiting.status).toBe('scheduled');
    expect(waiting.attempts[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'rate_limited',
      retryable: true,
    });
    expect(Date.parse(waiting.scheduledAt!)).toBeGreaterThanOrEqual(asked + 2_000);

    const published = await settle(w, second.id, (p) => p.status === 'published');
    expect(Date.parse(published.publishedAt!)).toBeGreaterThanOrEqual(asked + 2_000);
    expect(published.attempts.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    // Both went out well inside the engine's 60-minute gap, each exactly once.
    expect(w.emulator.posts()).toHaveLength(2);
  });

  it('refuses a draft in approval mode until it is approved, then publishes it', async () => {
    const w = await started({ mode: 'approval' });
    const plan = await w.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
    const draft = plan.posts[0]!;
    const error = await refusal(w, () => w.engine.social.publishNow(draft.id, { storeId: KILN_STORE_ID }));
    expect(error.reason).toMatch(/draft/);
    expect(error.fix).toMatch(/approve/);

    await w.engine.social.approve([draft.id]);
    await w.engine.social.publishNow(draft.id);
    await settle(w, draft.id, (p) => p.status === 'published');
    expect(w.emulator.posts()).toHaveLength(1);
  });

  it('refuses a cancelled post and sends nothing', async () => {
    const w = await started({ mode: 'autopilot' });
    const plan = await w.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
    await w.engine.social.cancel(plan.posts[0]!.id);
    const error = await refusal(w, () => w.engine.social.publishNow(plan.posts[0]!.id));
    expect(error.reason).toMatch(/cancelled/);
    await w.clock.advance(2 * 86_400_000);
    expect(creates(w)).toHaveLength(0);
  });

  it('retries a failed post now once its cause is fixed', async () => {
    const w = await started({ mode: 'autopilot' });
    const plan = await w.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 2 });
    const [first, second] = plan.posts as [SocialPost, SocialPost];
    await w.engine.social.publishNow(first.id);
    const sent = await settle(w, first.id, (p) => p.status === 'published');
    // The same text again: X refuses duplicate content, a permanent failure.
    await w.engine.social.edit(second.id, {
      caption: sent.caption,
      hashtags: sent.hashtags,
      media: sent.media,
    });
    await w.engine.social.publishNow(second.id);
    const failed = await settle(w, second.id, (p) => p.status === 'failed');
    expect(failed.attempts).toHaveLength(1);

    await w.engine.social.edit(second.id, { caption: 'A second firing, glazed in a new celadon.' });
    await w.engine.social.publishNow(second.id, { storeId: KILN_STORE_ID });
    const published = await settle(w, second.id, (p) => p.status === 'published');
    expect(published.attempts.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    expect(w.emulator.posts()).toHaveLength(2);
  });
});
