import type { GrowthEventPayload } from '@growthhub/core';
import { composeCaption, measureText } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { templateModel } from '../../src/llm/index';
import { SOCIAL_TASKS } from '../../src/social/index';
import { KILN_STORE_ID, kilnCatalogData } from './support/kiln-catalog';
import { FIVE_CHANNELS, recordingModel, startPlanningWorld } from './support/planning-world';

describe('planCalendar', () => {
  it('plans 30 days × 2 posts × 5 channels with at most 8 model calls, all posts valid on their platforms', async () => {
    const model = recordingModel(templateModel());
    const { engine } = await startPlanningWorld({ llm: model });

    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 30,
      postsPerDay: 2,
      channels: [...FIVE_CHANNELS],
    });

    expect(plan.llmCalls).toBeLessThanOrEqual(8);
    expect(model.calls.length).toBe(plan.llmCalls);
    // One plan call, six caption calls, and at most one rewrite call for what the platforms rejected.
    const names = model.calls.map((call) => call.schemaName);
    expect(names.slice(0, 7)).toEqual([SOCIAL_TASKS.plan, ...Array(6).fill(SOCIAL_TASKS.captions)]);
    expect(names.slice(7).every((name) => name === SOCIAL_TASKS.rewrite)).toBe(true);
    expect(plan.usage.inputTokens).toBeGreaterThan(0);
    expect(plan.issues).toEqual([]);
    // 60 ideas on 5 channels, minus the ideas a channel cannot take (text posts on Instagram, …).
    expect(plan.posts.length + plan.skipped.length).toBe(300);
    expect(plan.posts.length).toBeGreaterThanOrEqual(250);
    expect(plan.calendar.postIds).toEqual(plan.posts.map((post) => post.id));
    expect(plan.calendar.themes.length).toBeGreaterThanOrEqual(4);

    for (const post of plan.posts) {
      const text = composeCaption(post.caption, post.hashtags);
      if (post.channel === 'x') expect(measureText(text, 'x-weighted')).toBeLessThanOrEqual(280);
      if (post.channel === 'instagram') expect(post.hashtags.length).toBeLessThanOrEqual(30);
      if (post.channel === 'pinterest') expect(post.title?.length).toBeLessThanOrEqual(100);
    }
    for (const channel of FIVE_CHANNELS) {
      const captions = plan.posts
        .filter((post) => post.channel === channel)
        .map((post) => composeCaption(post.caption, post.hashtags));
      expect(new Set(captions).size, `${channel} captions are all different`).toBe(captions.length);
    }
  });

  it('alternates product and brand posts, follows the content mix and picks the product media first', async () => {
    const { engine } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 7,
      postsPerDay: 2,
      channels: ['facebook'],
    });
    const posts = plan.posts;
    expect(posts).toHaveLength(14);
    // Day 0 is a video day: the mug (first product) has a video, so the first post is its video.
    expect(posts[0]?.kind).toBe('video');
    expect(posts[0]?.media[0]?.id).toBe('mug-video');
    expect(posts[0]?.caption).toContain('Speckled Stoneware Mug');
    // Product ideas show their own product's photos; brand ideas the studio and team shots.
    const byGroup = new Map(posts.map((post) => [post.groupId, post]));
    expect(byGroup.size).toBe(14);
    const products = ['mug', 'bowl', 'vase', 'plate'];
    posts.forEach((post, index) => {
      if (index % 2 === 0) {
        const productId = products[(index / 2) % 4]!;
        expect(
          post.media.every((media) => media.id?.startsWith(productId)),
          `post ${index} shows ${productId}`,
        ).toBe(true);
      } else {
        expect(post.media.every((media) => media.id === 'studio' || media.id === 'team')).toBe(true);
      }
    });
    // Day 2 is a carousel day: Facebook takes several images as an image post.
    const dayTwo = posts.filter((post) => post.scheduledAt?.startsWith('2026-03-04'));
    expect(dayTwo.some((post) => post.media.length >= 2)).toBe(true);
  });

  it('changes a format the store has no media for instead of leaving it empty', async () => {
    const data = kilnCatalogData({ withVideo: false });
    data.media = [];
    const { engine } = await startPlanningWorld({ catalog: data });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 2,
      postsPerDay: 2,
      channels: ['x', 'instagram'],
    });
    const onX = plan.posts.filter((post) => post.channel === 'x');
    expect(onX).toHaveLength(4);
    expect(onX.every((post) => post.kind === 'text' && post.media.length === 0)).toBe(true);
    // Instagram takes no text posts: those ideas are reported as skipped there, not published empty.
    expect(plan.posts.filter((post) => post.channel === 'instagram')).toHaveLength(0);
    expect(plan.skipped.filter((entry) => entry.channel === 'instagram')).toHaveLength(4);
  });

  it('writes real, on-brand captions from the catalog', async () => {
    const { engine } = await startPlanningWorld();
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 4,
      postsPerDay: 2,
      channels: ['instagram', 'x'],
    });
    const instagram = plan.posts.filter((post) => post.channel === 'instagram');
    const productPost = instagram.find((post) => post.caption.includes('Ramen Bowl in Midnight Glaze'));
    expect(productPost?.caption).toMatch(/midnight blue glaze/);
    expect(productPost?.caption).toMatch(/€42\.00/);
    expect(productPost?.hashtags).toContain('KilnCo');
    expect(instagram.some((post) => /Kiln & Co/.test(post.caption))).toBe(true);
    const x = plan.posts.filter((post) => post.channel === 'x');
    expect(x.some((post) => post.caption.includes('https://kiln.example/products/'))).toBe(true);
    for (const post of plan.posts) {
      expect(post.caption).not.toMatch(/lorem|ipsum|undefined|null|\[object/i);
      expect(post.caption).not.toMatch(/\bcheap\b/i);
    }
  });

  it('rewrites captions the platform rejects in one batched call, and they pass', async () => {
    const model = recordingModel(templateModel(), {
      transform: (schemaName, object, index) => {
        if (schemaName !== SOCIAL_TASKS.captions || index !== 1) return object;
        const output = object as { posts: Array<{ channel: string; caption: string }> };
        // This model ignores X's limit on every X post of the batch.
        return {
          posts: output.posts.map((post) =>
            post.channel === 'x' ? { ...post, caption: `${post.caption} ${'Really '.repeat(40)}` } : post,
          ),
        };
      },
    });
    const { engine } = await startPlanningWorld({ llm: model });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 3,
      postsPerDay: 2,
      channels: ['x', 'facebook'],
    });
    expect(model.calls.map((call) => call.schemaName)).toEqual([
      SOCIAL_TASKS.plan,
      SOCIAL_TASKS.captions,
      SOCIAL_TASKS.captions,
      SOCIAL_TASKS.rewrite,
    ]);
    expect(plan.issues).toEqual([]);
    for (const post of plan.posts.filter((p) => p.channel === 'x')) {
      expect(measureText(composeCaption(post.caption, post.hashtags), 'x-weighted')).toBeLessThanOrEqual(280);
      expect(post.caption).not.toContain('Really Really');
    }
  });

  it('shortens mechanically what a rewrite still gets wrong, without another model call', async () => {
    const model = recordingModel(templateModel(), {
      transform: (schemaName, object) => {
        if (schemaName === SOCIAL_TASKS.captions) {
          const output = object as { posts: Array<{ channel: string; caption: string }> };
          return {
            posts: output.posts.map((post) => ({
              ...post,
              caption: `${post.caption} ${'Clay and glaze. '.repeat(30)}`,
            })),
          };
        }
        if (schemaName === SOCIAL_TASKS.rewrite) {
          const output = object as { items: Array<{ caption: string }> };
          return {
            items: output.items.map((item) => ({
              ...item,
              caption: `${item.caption} ${'Still too long. '.repeat(30)}`,
            })),
          };
        }
        return object;
      },
    });
    const { engine } = await startPlanningWorld({ llm: model });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 2,
      postsPerDay: 1,
      channels: ['x'],
    });
    expect(model.calls).toHaveLength(3);
    expect(plan.issues).toEqual([]);
    for (const post of plan.posts) {
      expect(measureText(composeCaption(post.caption, post.hashtags), 'x-weighted')).toBeLessThanOrEqual(280);
      expect(post.caption.endsWith('…')).toBe(true);
    }
  });

  it('runs the caption calls concurrently', async () => {
    const model = recordingModel(templateModel(), { delayMs: 150 });
    const { engine } = await startPlanningWorld({ llm: model });
    await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 14,
      postsPerDay: 2,
      channels: ['x', 'facebook'],
    });
    const captions = model.calls.filter((call) => call.schemaName === SOCIAL_TASKS.captions);
    expect(captions.length).toBeGreaterThan(1);
    const overlapping = captions.filter((call) =>
      captions.some(
        (other) => other !== call && other.startedAt < call.endedAt && call.startedAt < other.endedAt,
      ),
    );
    expect(overlapping.length).toBe(captions.length);
  });

  it('creates drafts and asks for approval in approval mode; schedules at once in autopilot', async () => {
    const approval = await startPlanningWorld();
    const requested: GrowthEventPayload<'approval.requested'>[] = [];
    approval.engine.events.on('approval.requested', (event) => requested.push(event));
    const drafts = await approval.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      channels: ['x'],
    });
    expect(drafts.posts.every((post) => post.status === 'draft')).toBe(true);
    expect(drafts.calendar.status).toBe('draft');
    expect(requested).toMatchObject([{ kind: 'calendar', subjectId: drafts.calendar.id }]);

    const autopilot = await startPlanningWorld({ engine: { mode: 'autopilot' } });
    const scheduled: string[] = [];
    autopilot.engine.events.on('post.scheduled', (event) => scheduled.push(event.postId));
    const live = await autopilot.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 2,
      channels: ['x', 'facebook'],
    });
    expect(live.posts.every((post) => post.status === 'scheduled')).toBe(true);
    expect(live.calendar.status).toBe('active');
    expect(scheduled.sort()).toEqual(live.posts.map((post) => post.id).sort());
  });
});
