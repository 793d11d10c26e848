import type { SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

let world: XWorld;
let posts: SocialPost[];

beforeAll(async () => {
  world = await startXWorld({ extraStores: ['harbour-goods'] });
  await world.connect();
  const plan = await world.engine.social.planCalendar({
    storeId: KILN_STORE_ID,
    days: 3,
    postsPerDay: 1,
    startDate: '2026-03-03',
  });
  posts = [...plan.posts].sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
});
afterAll(() => world.close());

const ids = (page: { items: SocialPost[] }) => page.items.map((post) => post.id);
const at = (index: number) => posts[index]!.scheduledAt!;

describe('listPosts with a window on scheduledAt', () => {
  it('has three posts at three distinct times to list', () => {
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((post) => post.scheduledAt)).size).toBe(3);
  });

  it('includes a post scheduled exactly at `from`', async () => {
    const page = await world.engine.social.listPosts({ storeId: KILN_STORE_ID, from: at(1) });
    expect(ids(page)).toEqual([posts[1]!.id, posts[2]!.id]);
  });

  it('excludes a post scheduled exactly at `to`', async () => {
    const page = await world.engine.social.listPosts({ storeId: KILN_STORE_ID, to: new Date(at(1)) });
    expect(ids(page)).toEqual([posts[0]!.id]);
  });

  it('lists [from, to) and splits adjacent windows without overlap or gap', async () => {
    const first = await world.engine.social.listPosts({ storeId: KILN_STORE_ID, from: at(0), to: at(2) });
    const rest = await world.engine.social.listPosts({
      storeId: KILN_STORE_ID,
      from: at(2),
      to: '2100-01-01T00:00:00Z',
    });
    expect(ids(first)).toEqual([posts[0]!.id, posts[1]!.id]);
    expect(ids(rest)).toEqual([posts[2]!.id]);
  });

  it('combines the window with the status filter and paging', async () => {
    const page = await world.engine.social.listPosts({
      storeId: KILN_STORE_ID,
      status: 'draft',
      from: at(0),
      limit: 2,
    });
    expect(ids(page)).toEqual([posts[0]!.id, posts[1]!.id]);
    const next = await world.engine.social.listPosts({
      storeId: KILN_STORE_ID,
      status: 'draft',
      from: at(0),
      limit: 2,
      cursor: page.nextCursor!,
    });
    expect(ids(next)).toEqual([posts[2]!.id]);
    expect(next.nextCursor).toBeUndefined();
    const none = await world.engine.social.listPosts({
      storeId: KILN_STORE_ID,
      status: 'published',
      from: at(0),
    });
    expect(none.items).toEqual([]);
  });

  it('never lists another store’s posts, whatever the window', async () => {
    const page = await world.engine.social.listPosts({
      storeId: 'harbour-goods',
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
    });
    expect(page.items).toEqual([]);
  });

  it('rejects an empty or reversed window, naming `to`, and a malformed bound, naming it', async () => {
    for (const window of [
      { from: at(1), to: at(1) },
      { from: at(2), to: at(0) },
    ]) {
      const error = await world.engine.social
        .listPosts({ storeId: KILN_STORE_ID, ...window })
        .catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).field).toBe('to');
    }
    const malformed = await world.engine.social
      .listPosts({ storeId: KILN_STORE_ID, from: 'next tuesday' })
      .catch((caught: unknown) => caught);
    expect((malformed as ValidationError).field).toBe('from');
  });
});
