import type { SocialPost, Store } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

let world: XWorld;
let draft: SocialPost;

beforeAll(async () => {
  world = await startXWorld();
  await world.connect();
  const plan = await world.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 2 });
  draft = plan.posts[0]!;
});
afterAll(() => world.close());

/** Every key and value in the store, to prove a rejected call wrote nothing. */
async function snapshot(store: Store): Promise<string> {
  const entries: string[] = [];
  for await (const entry of store.entries()) entries.push(`${entry.key}=${JSON.stringify(entry.value)}`);
  return entries.sort().join('\n');
}

async function expectRejected(
  call: () => Promise<unknown>,
  field: string | RegExp,
): Promise<ValidationError> {
  const before = await snapshot(world.store);
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(ValidationError.isInstance(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  const validation = error as ValidationError;
  if (typeof field === 'string') expect(validation.field).toBe(field);
  else expect(validation.field).toMatch(field);
  expect(validation.fix.length).toBeGreaterThan(0);
  expect(await snapshot(world.store)).toBe(before);
  return validation;
}

describe('bad input is rejected with a ValidationError naming the field, and nothing is written', () => {
  it('planCalendar: zero days, too many posts per day, unknown store, unknown platform and channel, past dates', async () => {
    const social = world.engine.social;
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 0, postsPerDay: 2 }),
      'days',
    );
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 0 }),
      'postsPerDay',
    );
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7.5, postsPerDay: 1 }),
      'days',
    );
    await expectRejected(
      () => social.planCalendar({ storeId: 'no-such-store', days: 7, postsPerDay: 2 }),
      'storeId',
    );
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2, platforms: ['myspace'] }),
      'platforms.0',
    );
    await expectRejected(
      () =>
        social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2, platforms: ['x', 'meta'] }),
      'platforms.1',
    );
    await expectRejected(
      () =>
        social.planCalendar({
          storeId: KILN_STORE_ID,
          days: 7,
          postsPerDay: 2,
          channels: ['x', 'instagram'],
        }),
      'channels.1',
    );
    const past = await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2, startDate: '2026-03-01' }),
      'startDate',
    );
    expect(past.reason).toContain('past');
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2, startDate: '2026-02-30' }),
      'startDate',
    );
    await expectRejected(
      () => social.planCalendar({ storeId: KILN_STORE_ID, days: 7, postsPerDay: 2, surprise: true } as never),
      /^(surprise|input)$/,
    );
  });

  it('planCalendar: a store with no connected account', async () => {
    const other = await startXWorld({ extraStores: ['store-unconnected'] });
    try {
      const error = await other.engine.social
        .planCalendar({ storeId: 'store-unconnected', days: 3, postsPerDay: 1 })
        .catch((caught: unknown) => caught);
      expect((error as ValidationError).field).toBe('storeId');
    } finally {
      await other.close();
    }
  });

  it('edit: a caption over the limit names the caption and says by how much', async () => {
    const error = await expectRejected(
      () => world.engine.social.edit(draft.id, { caption: 'Clay '.repeat(80) }),
      'caption',
    );
    expect(error.reason).toMatch(/weighted characters/);
    expect(error.fix).toMatch(/Shorten/);
    await expectRejected(() => world.engine.social.edit(draft.id, {}), 'input');
    await expectRejected(() => world.engine.social.edit('post_missing', { caption: 'Hi' }), 'postId');
    await expectRejected(() => world.engine.social.edit(draft.id, { link: 'ftp://kiln.example' }), 'link');
  });

  it('approve, reschedule, cancel: unknown ids, past times and empty lists', async () => {
    const social = world.engine.social;
    await expectRejected(() => social.approve([]), 'postIds');
    await expectRejected(() => social.approve([draft.id, 'post_missing']), 'postIds.1');
    await expectRejected(() => social.reschedule(draft.id, '2026-03-01T09:00:00Z'), 'scheduledAt');
    await expectRejected(() => social.reschedule(draft.id, 'tomorrow'), 'scheduledAt');
    await expectRejected(() => social.reschedule('post_missing', '2026-03-09T09:00:00Z'), 'postId');
    await expectRejected(() => social.cancel('post_missing'), 'postId');
  });

  it('reads: unknown post, calendar or store, and bad ranges', async () => {
    const social = world.engine.social;
    await expectRejected(() => social.getPost('post_missing'), 'postId');
    await expectRejected(() => social.getCalendar('cal_missing'), 'calendarId');
    await expectRejected(() => social.listPosts({ storeId: KILN_STORE_ID, limit: 0 }), 'limit');
    await expectRejected(() => social.getAnalytics({ storeId: KILN_STORE_ID, days: 0 }), 'days');
    await expectRejected(() => social.getAnalytics({ storeId: 'no-such-store', days: 7 }), 'storeId');
    await expectRejected(
      () => social.getAnalytics({ storeId: KILN_STORE_ID, days: 7, platform: 'myspace' as never }),
      'platform',
    );
    await expectRejected(() => social.syncMetrics({ storeId: 'no-such-store' }), 'storeId');
  });

  it('connections.begin: unknown platform', async () => {
    await expectRejected(
      () =>
        world.engine.connections.begin({
          platform: 'myspace' as never,
          storeId: KILN_STORE_ID,
          userId: 'u',
          redirectUri: 'http://localhost:3000/callback/x',
        }),
      /platform$/,
    );
  });
});
