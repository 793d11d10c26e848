import type { LanguageModel, LanguageModelUsage } from '@growthhub/core';
import { addUsage } from '@growthhub/core';
import PQueue from 'p-queue';
import type { ZodType } from 'zod';
import { renderTaskPrompt } from '../llm/task-prompt';
import {
  captionInstructions,
  PLAN_INSTRUCTIONS,
  REWRITE_INSTRUCTIONS,
  writerSystemPrompt,
} from './writing-prompts';
import {
  type BrandBrief,
  type CaptionsTaskInput,
  CaptionsTaskOutputSchema,
  type ChannelBrief,
  type IdeaBrief,
  type PlanTaskInput,
  type PlanTaskOutput,
  PlanTaskOutputSchema,
  type RewriteTaskInput,
  RewriteTaskOutputSchema,
  SOCIAL_TASKS,
  type WrittenCaption,
} from './writing-tasks';

/** An idea with its angle and theme, ready to be written. */
export type AngledIdea = IdeaBrief & { angle: string; theme: string };

/** A caption to rewrite, with what was wrong with it. */
export type RewriteItem = RewriteTaskInput['items'][number];

/** Settings of a {@link CalendarWriter}. */
export interface CalendarWriterOptions {
  readonly llm: LanguageModel;
  /** Model calls in flight at once (default 6). */
  readonly concurrency?: number;
  /** Most caption calls per calendar (default 6); ideas are spread evenly over them. */
  readonly maxCaptionCalls?: number;
  /** Fewest ideas per caption call before another call is worth it (default 5). */
  readonly minIdeasPerCall?: number;
  readonly signal?: AbortSignal;
}

/**
 * Runs the Social Agent's writing tasks against the language model, batched: one plan call for the
 * whole calendar, at most `maxCaptionCalls` caption calls (each writes at least `minIdeasPerCall`
 * ideas, when there are that many, for every channel at once) and one rewrite call for everything a
 * platform rejected. Calls run concurrently under a
 * p-queue limit. Counts calls and sums usage.
 */
export class CalendarWriter {
  readonly #llm: LanguageModel;
  readonly #queue: PQueue;
  readonly #maxCaptionCalls: number;
  readonly #minIdeasPerCall: number;
  readonly #signal: AbortSignal | undefined;
  #calls = 0;
  #usage: LanguageModelUsage = { inputTokens: 0, outputTokens: 0 };

  constructor(options: CalendarWriterOptions) {
    this.#llm = options.llm;
    this.#queue = new PQueue({ concurrency: options.concurrency ?? 6 });
    this.#maxCaptionCalls = Math.max(1, options.maxCaptionCalls ?? 6);
    this.#minIdeasPerCall = Math.max(1, options.minIdeasPerCall ?? 5);
    this.#signal = options.signal;
  }

  /** Model calls made so far. */
  get calls(): number {
    return this.#calls;
  }

  /** Tokens used so far. */
  get usage(): LanguageModelUsage {
    return this.#usage;
  }

  /** Themes for the calendar and an angle per idea (one call). */
  plan(brand: BrandBrief, input: Omit<PlanTaskInput, 'brand'>): Promise<PlanTaskOutput> {
    return this.#run(SOCIAL_TASKS.plan, PlanTaskOutputSchema, brand, PLAN_INSTRUCTIONS, { brand, ...input });
  }

  /**
   * Captions for every (idea, channel) pair, keyed `index:channel`. Pairs the model left out are
   * simply absent (the caller rewrites them).
   */
  async captions(
    brand: BrandBrief,
    channels: readonly ChannelBrief[],
    ideas: readonly AngledIdea[],
  ): Promise<Map<string, WrittenCaption>> {
    const calls = Math.min(this.#maxCaptionCalls, Math.ceil(ideas.length / this.#minIdeasPerCall));
    const batches = splitEvenly(ideas, Math.max(1, calls));
    const results = await Promise.all(
      batches.map((batch) => {
        const input: CaptionsTaskInput = { brand, channels: [...channels], ideas: [...batch] };
        return this.#run(
          SOCIAL_TASKS.captions,
          CaptionsTaskOutputSchema,
          brand,
          captionInstructions(channels),
          input,
        );
      }),
    );
    const written = new Map<string, WrittenCaption>();
    for (const result of results)
      for (const post of result.posts) written.set(`${post.index}:${post.channel}`, post);
    return written;
  }

  /** Rewrites of rejected captions, by item key (one call). */
  async rewrite(
    brand: BrandBrief,
    items: readonly RewriteItem[],
  ): Promise<Map<string, { caption: string; hashtags: string[]; title: string | null }>> {
    if (items.length === 0) return new Map();
    const output = await this.#run(
      SOCIAL_TASKS.rewrite,
      RewriteTaskOutputSchema,
      brand,
      REWRITE_INSTRUCTIONS,
      {
        brand,
        items: [...items],
      },
    );
    return new Map(output.items.map((item) => [item.key, item]));
  }

  async #run<T>(
    schemaName: string,
    schema: ZodType<T>,
    brand: BrandBrief,
    instructions: string,
    input: unknown,
  ): Promise<T> {
    const result = await this.#queue.add(() => {
      this.#calls += 1;
      return this.#llm.generateObject({
        schema,
        schemaName,
        system: writerSystemPrompt(brand),
        prompt: renderTaskPrompt(instructions, input),
        ...(this.#signal === undefined ? {} : { signal: this.#signal }),
      });
    });
    this.#usage = addUsage(this.#usage, result.usage);
    return result.object as T;
  }
}

/** Splits `items` into `count` consecutive batches whose sizes differ by at most one. */
export function splitEvenly<T>(items: readonly T[], count: number): T[][] {
  const batches: T[][] = [];
  const size = Math.floor(items.length / count);
  let extra = items.length % count;
  let start = 0;
  for (let index = 0; index < count; index++) {
    const length = size + (extra > 0 ? 1 : 0);
    extra = Math.max(0, extra - 1);
    batches.push(items.slice(start, start + length));
    start += length;
  }
  return batches.filter((batch) => batch.length > 0);
}
