import { ConfigError, composeCaption, measureText, ValidationError } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderTaskPrompt, templateModel } from '../../src/llm/index';
import {
  type CaptionsTaskInput,
  CaptionsTaskOutputSchema,
  type ChannelBrief,
  type IdeaBrief,
  PlanTaskOutputSchema,
  SOCIAL_TASKS,
} from '../../src/social/index';

const brand = {
  storeName: 'Kiln & Co',
  niche: 'handmade ceramic homeware',
  audience: 'Home cooks',
  tone: ['warm', 'crafted'],
  voiceDescription: 'Plain words, real materials.',
  dos: [],
  donts: [],
  emoji: 'none' as const,
  locale: 'en-GB',
  currency: 'EUR',
  websiteUrl: 'https://kiln.example',
};
const mug = {
  id: 'mug',
  title: 'Speckled Stoneware Mug',
  description: 'Wheel-thrown from speckled stoneware. Holds 350 ml.',
  price: '€28.00',
  url: 'https://kiln.example/products/mug',
  tags: ['coffee'],
};
const xBrief: ChannelBrief = {
  channel: 'x',
  maxLength: 280,
  unit: 'x-weighted',
  hashtagCount: 2,
  needsTitle: false,
  titleMaxLength: null,
  targetLength: 220,
  style: 'Short.',
};

function ideas(count: number): Array<IdeaBrief & { angle: string; theme: string }> {
  return Array.from({ length: count }, (_, index) => ({
    index,
    date: '2026-03-02',
    weekday: 'Monday',
    contentType: index % 2 === 0 ? 'product' : 'brand',
    format: 'image',
    product: index % 2 === 0 ? mug : null,
    mediaCount: 1,
    angle: `Angle number ${index}.`,
    theme: 'Spotlight',
  }));
}

describe('templateModel', () => {
  const model = templateModel();

  it('writes valid captions for every idea and channel, all different, within the channel limits', async () => {
    const input: CaptionsTaskInput = { brand, channels: [xBrief], ideas: ideas(60) };
    const { object, usage } = await model.generateObject({
      schema: CaptionsTaskOutputSchema,
      schemaName: SOCIAL_TASKS.captions,
      prompt: renderTaskPrompt('Write.', input),
    });
    expect(object.posts).toHaveLength(60);
    const texts = object.posts.map((post) => composeCaption(post.caption, post.hashtags));
    expect(new Set(texts).size).toBe(60);
    for (const text of texts) expect(measureText(text, 'x-weighted')).toBeLessThanOrEqual(280);
    expect(object.posts[0]?.caption).toContain('Speckled Stoneware Mug');
    expect(object.posts[0]?.caption).toContain('https://kiln.example/products/mug');
    // The brand voice says no emoji.
    expect(texts.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(false);
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    const prompt = renderTaskPrompt('Write.', { brand, channels: [xBrief], ideas: ideas(4) });
    const first = await model.generateObject({
      schema: CaptionsTaskOutputSchema,
      schemaName: SOCIAL_TASKS.captions,
      prompt,
    });
    const second = await model.generateObject({
      schema: CaptionsTaskOutputSchema,
      schemaName: SOCIAL_TASKS.captions,
      prompt,
    });
    expect(second.object).toEqual(first.object);
  });

  it('plans themes and an angle per idea from the catalog', async () => {
    const { object } = await model.generateObject({
      schema: PlanTaskOutputSchema,
      schemaName: SOCIAL_TASKS.plan,
      prompt: renderTaskPrompt('Plan.', {
        brand,
        startDate: '2026-03-02',
        days: 14,
        themeCount: 2,
        ideas: ideas(28),
      }),
    });
    expect(object.themes).toHaveLength(2);
    expect(object.themes[0]?.title).toContain('Speckled Stoneware Mug');
    expect(object.themes[0]?.productIds).toEqual(['mug']);
    expect(object.ideas).toHaveLength(28);
    expect(object.ideas.every((idea) => idea.angle.length > 10)).toBe(true);
  });

  it('answers only tasks it knows and only prompts with an input block', async () => {
    await expect(
      model.generateObject({ schema: z.object({}), schemaName: 'mystery', prompt: 'x' }),
    ).rejects.toSatisfy((error: unknown) => ConfigError.isInstance(error));
    await expect(
      model.generateObject({ schema: z.object({}), schemaName: SOCIAL_TASKS.plan, prompt: 'no input here' }),
    ).rejects.toSatisfy(
      (error: unknown) => ValidationError.isInstance(error) && (error as ValidationError).field === 'prompt',
    );
  });

  it('takes extra tasks, so other agents work offline too', async () => {
    const extended = templateModel({
      tasks: { headline: (input) => ({ text: `Hello ${(input as { name: string }).name}` }) },
    });
    const { object } = await extended.generateObject({
      schema: z.object({ text: z.string() }),
      schemaName: 'headline',
      prompt: renderTaskPrompt('Headline.', { name: 'Kiln' }),
    });
    expect(object.text).toBe('Hello Kiln');
    expect(extended.taskNames).toContain(SOCIAL_TASKS.captions);
  });
});
