import type { SocialPost, Store } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordNotFoundError } from '../../src/social/index';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

const OTHER_STORE = 'harbour-goods';

let world: XWorld;
let post: SocialPost;
let calendarId: string;

beforeAll(async () => {
  world = await startXWorld({ extraStores: [OTHER_STORE] });
  await world.connect();
  await world.connect(OTHER_STORE, undefined);
  const plan = await world.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
  post = plan.posts[0]!;
  calendarId = plan.calendar.id;
});
afterAll(() => world.close());

async function snapshot(store: Store): Promise<string> {
  const entries: string[] = [];
  for await (const entry of store.entries()) entries.push(`${entry.key}=${JSON.stringify(entry.value)}`);
  return entries.sort().join('\n');
}

async function rejection(call: () => Promise<unknown>): Promise<RecordNotFoundError> {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(RecordNotFoundError.isInstance(error), `expected a RecordNotFoundError, got ${String(error)}`).toBe(
    true,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as RecordNotFoundError;
}

/** The error with the id blanked out, as a host would serialise it. */
const shape = (error: RecordNotFoundError, id: string) =>
  JSON.stringify({ ...error.toJSON(), stack: undefined }).replaceAll(id, 'ID');

const later = () => new Date(Date.parse('2026-03-10T10:00:00Z'));
const calls: Record<string, (id: string, storeId: string) => Promise<unknown>> = {
  getPost: (id, storeId) => world.engine.social.getPost(id, { storeId }),
  edit: (id, storeId) => world.engine.social.edit(id, { caption: 'Hijacked' }, { storeId }),
  approve: (id, storeId) => world.engine.social.approve([id], { storeId }),
  reschedule: (id, storeId) => world.engine.social.reschedule(id, later(), { storeId }),
  cancel: (id, storeId) => world.engine.social.cancel(id, { storeId }),
  publishNow: (id, storeId) => world.engine.social.publishNow(id, { storeId }),
};

describe('the storeId tenant guard', () => {
  for (const [method, call] of Object.entries(calls)) {
    it(`${method}: another store's post is answered exactly like a missing post, and nothing changes`, async () => {
      const before = await snapshot(world.store);
      const foreign = await rejection(() => call(post.id, OTHER_STORE));
      const missing = await rejection(() => call('post_does_not_exist', OTHER_STORE));
      expect(foreign.record).toBe('post');
      expect(shape(foreign, post.id)).toBe(shape(missing, 'post_does_not_exist'));
      expect(await snapshot(world.store)).toBe(before);
    });
  }

  it("getCalendar: another store's calendar is answered exactly like a missing one", async () => {
    const foreign = await rejection(() =>
      world.engine.social.getCalendar(calendarId, { storeId: OTHER_STORE }),
    );
    const missing = await rejection(() =>
      world.engine.social.getCalendar('cal_missing', { storeId: OTHER_STORE }),
    );
    expect(foreign.record).toBe('calendar');
    expect(foreign.field).toBe('calendarId');
    expect(shape(foreign, calendarId)).toBe(shape(missing, 'cal_missing'));
  });

  it('approve with one foreign id among own ids approves nothing', async () => {
    const own = await world.engine.social.planCalendar({
      storeId: OTHER_STORE,
      days: 1,
      postsPerDay: 1,
      startDate: '2026-03-04',
    });
    const error = await rejection(() =>
      world.engine.social.approve([own.posts[0]!.id, post.id], { storeId: OTHER_STORE }),
    );
    expect(error.field).toBe('postIds.1');
    expect((await world.engine.social.getPost(own.posts[0]!.id)).status).toBe('draft');
  });

  it('finds the store’s own records with its storeId, and any record without one (existing callers)', async () => {
    expect((await world.engine.social.getPost(post.id, { storeId: KILN_STORE_ID })).id).toBe(post.id);
    expect((await world.engine.social.getPost(post.id)).id).toBe(post.id);
    expect((await world.engine.social.getCalendar(calendarId, { storeId: KILN_STORE_ID })).id).toBe(
      calendarId,
    );
    expect((await world.engine.social.getCalendar(calendarId)).id).toBe(calendarId);
    const missing = await rejection(() => world.engine.social.getPost('post_missing'));
    expect(missing.field).toBe('postId');
  });

  it('rejects a malformed storeId as a validation error naming it', async () => {
    const error = await world.engine.social
      .getPost(post.id, { storeId: '' })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(RecordNotFoundError.isInstance(error)).toBe(false);
    expect((error as ValidationError).field).toBe('options.storeId');
  });
});
