import type { GrowthEventPayload } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { publishJobId } from '../../src/social/index';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startPlanningWorld } from './support/planning-world';

describe('review', () => {
  it('approves drafts: scheduled, recorded, handed to the runner, and the calendar becomes active', async () => {
    const { engine, store } = await startPlanningWorld();
    const resolved: GrowthEventPayload<'approval.resolved'>[] = [];
    engine.events.on('approval.resolved', (event) => resolved.push(event));
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 2,
      postsPerDay: 1,
      channels: ['x'],
      startDate: '2026-03-03',
    });

    const firstOnly = await engine.social.approve([plan.posts[0]!.id], { by: 'owner-1' });
    expect(firstOnly[0]).toMatchObject({
      status: 'scheduled',
      approvedBy: 'owner-1',
      approvedAt: '2026-03-02T07:00:00.000Z',
    });
    expect((await engine.social.getCalendar(plan.calendar.id)).status).toBe('draft');
    expect(resolved).toEqual([]);

    await engine.social.approve(
      plan.posts.map((post) => post.id),
      { by: 'owner-1' },
    );
    expect((await engine.social.getCalendar(plan.calendar.id)).status).toBe('active');
    expect(resolved).toMatchObject([
      { kind: 'calendar', subjectId: plan.calendar.id, decision: 'approved', by: 'owner-1' },
    ]);
    const jobs = [];
    for await (const entry of store.entries())
      if (entry.key.includes(publishJobId(plan.posts[1]!.id))) jobs.push(entry.key);
    expect(jobs.length).toBeGreaterThan(0);
  });

  it('moves a draft whose slot passed while it waited to the next free time', async () => {
    const { engine, clock } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x'],
    });
    await clock.advanceTo('2026-03-02T13:00:00Z');
    const approved = await engine.social.approve(plan.posts.map((post) => post.id));
    const times = approved.map((post) => Date.parse(post.scheduledAt!)).sort((a, b) => a - b);
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2026-03-02T13:10:00Z'));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(60 * 60_000);
  });

  it('edits a post, re-validates it and keeps its idempotency key', async () => {
    const { engine } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      channels: ['x'],
    });
    const before = plan.posts[0]!;
    const edited = await engine.social.edit(before.id, {
      caption: 'Fresh from the kiln this morning.',
      hashtags: ['#Pottery Life', 'ceramics'],
    });
    expect(edited.caption).toBe('Fresh from the kiln this morning.');
    expect(edited.hashtags).toEqual(['PotteryLife', 'ceramics']);
    expect(edited.idempotencyKey).toBe(before.idempotencyKey);
    expect(edited.contentHash).not.toBe(before.contentHash);
    expect((await engine.social.getPost(before.id)).caption).toBe('Fresh from the kiln this morning.');
  });

  it('rejects an edit that breaks a platform rule other than length (too many images for X)', async () => {
    const { engine } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      channels: ['x'],
    });
    const image = plan.posts[0]!.media[0]!;
    const error = await engine.social
      .edit(plan.posts[0]!.id, {
        media: Array.from({ length: 5 }, (_, index) => ({ ...image, id: `m${index}` })),
      })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('media');
  });

  it('refuses a reschedule closer than the gap to another post of the account', async () => {
    const { engine } = await startPlanningWorld({ engine: { mode: 'autopilot' } });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x'],
      startDate: '2026-03-03',
    });
    const [first, second] = plan.posts;
    const tooClose = new Date(Date.parse(first!.scheduledAt!) + 30 * 60_000);
    const error = await engine.social.reschedule(second!.id, tooClose).catch((caught: unknown) => caught);
    expect((error as ValidationError).field).toBe('scheduledAt');
    const fine = await engine.social.reschedule(
      second!.id,
      new Date(Date.parse(first!.scheduledAt!) + 2 * 60 * 60_000),
    );
    expect(fine.scheduledAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('lists a store’s posts by status and calendar, one page at a time', async () => {
    const { engine } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 3,
      postsPerDay: 2,
      channels: ['x'],
    });
    await engine.social.cancel(plan.posts[0]!.id);
    const first = await engine.social.listPosts({ storeId: KILN_STORE_ID, status: 'draft', limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await engine.social.listPosts({
      storeId: KILN_STORE_ID,
      status: 'draft',
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    const cancelled = await engine.social.listPosts({
      storeId: KILN_STORE_ID,
      status: 'cancelled',
      calendarId: plan.calendar.id,
    });
    expect(cancelled.items.map((post) => post.id)).toEqual([plan.posts[0]!.id]);
  });
});
