/**
 * A faithful re-implementation of the seed's per-post calendar algorithm, for comparison:
 *
 * 1. one structured call for the whole post plan (a topic per day and slot);
 * 2. then, post by post and platform by platform, one call for the caption and one for the hashtags,
 *    each awaited before the next (the seed's `for … await` loops).
 *
 * For D days × P posts × N platforms that is 1 + 2·D·P·N calls, all sequential.
 */

import { renderTaskPrompt } from '@growthhub/agents';
import type { LanguageModel, LanguageModelUsage } from '@growthhub/core';
import { z } from 'zod';

export interface SeedPlanInput {
  readonly storeName: string;
  readonly niche: string;
  readonly products: ReadonlyArray<{ title: string; description: string }>;
  readonly days: number;
  readonly postsPerDay: number;
  readonly platforms: readonly string[];
}

export interface SeedPost {
  day: number;
  slot: number;
  platform: string;
  topic: string;
  caption: string;
  hashtags: string[];
}

const SeedPlanSchema = z.strictObject({
  posts: z.array(z.strictObject({ day: z.int(), slot: z.int(), topic: z.string() })),
});

export async function seedPlanCalendar(
  llm: LanguageModel,
  input: SeedPlanInput,
): Promise<{ posts: SeedPost[]; calls: number; usage: LanguageModelUsage }> {
  let calls = 0;
  const usage = { inputTokens: 0, outputTokens: 0 };
  const count = (used: LanguageModelUsage) => {
    calls += 1;
    usage.inputTokens += used.inputTokens;
    usage.outputTokens += used.outputTokens;
  };
  const slots = [];
  for (let day = 0; day < input.days; day++) {
    for (let slot = 0; slot < input.postsPerDay; slot++) {
      const index = day * input.postsPerDay + slot;
      const product = index % 2 === 0 ? input.products[(index / 2) % input.products.length] : undefined;
      slots.push({ day, slot, productTitle: product?.title ?? null });
    }
  }
  const plan = await llm.generateObject({
    schema: SeedPlanSchema,
    schemaName: 'seed_content_plan',
    system: `You plan social media for ${input.storeName}, a ${input.niche} store.`,
    prompt: renderTaskPrompt('Plan a topic for every slot.', { slots }),
  });
  count(plan.usage);
  const posts: SeedPost[] = [];
  for (const planned of plan.object.posts) {
    for (const platform of input.platforms) {
      const caption = await llm.generateText({
        system: `You write ${platform} captions for ${input.storeName}.`,
        prompt: `Write a ${platform} caption of about 60 words about "${planned.topic}" for ${input.storeName}, a ${input.niche} store.`,
      });
      count(caption.usage);
      const hashtags = await llm.generateText({
        system: `You choose ${platform} hashtags for ${input.storeName}.`,
        prompt: `Suggest hashtags for a ${platform} post about "${planned.topic}". Caption: ${caption.text}`,
      });
      count(hashtags.usage);
      posts.push({ ...planned, platform, caption: caption.text, hashtags: hashtags.text.split(/\s+/u) });
    }
  }
  return { posts, calls, usage };
}
