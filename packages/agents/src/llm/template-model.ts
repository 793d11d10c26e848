import type { GenerateObjectOptions, GenerateObjectResult, LanguageModel } from '@growthhub/core';
import { ConfigError, ValidationError } from '@growthhub/core';
import type { z } from 'zod';
import {
  type CaptionsTaskInput,
  type PlanTaskInput,
  type RewriteTaskInput,
  SOCIAL_TASKS,
} from '../social/writing-tasks';
import { estimateTokens, readTaskInput } from './task-prompt';
import { rewriteTemplateCaptions, writeTemplateCaptions } from './template-copywriter';
import { planTemplateCalendar } from './template-planner';

/** Writes the output of one structured task from the JSON input of its prompt. */
export type TemplateTask = (input: unknown) => unknown;

/** Options of {@link templateModel}. */
export interface TemplateModelOptions {
  /**
   * More tasks, by schema name, on top of the Social Agent's (plan, captions, rewrite). Other agents
   * register theirs here so they too work without an API key.
   */
  tasks?: Readonly<Record<string, TemplateTask>>;
  /** Reported model id (default `growthhub-template-1`). */
  modelId?: string;
}

/** The offline model, with the task names it can answer. */
export interface TemplateModel extends LanguageModel {
  /** Schema names `generateObject` accepts. */
  readonly taskNames: readonly string[];
}

/**
 * An offline, deterministic {@link LanguageModel}: no API key, no network. It answers the Social
 * Agent's structured tasks (calendar themes and angles, per-channel captions and hashtags, rewrites)
 * from the catalog data inside the prompt (product titles, descriptions, prices and links, the
 * store's niche, audience, tone and emoji habit), so posts are real, on-brand and differ from each
 * other. The same prompt always gives the same answer. It is the engine's choice when no model key
 * is configured (the example host's default).
 *
 * `generateObject` needs a known `schemaName`; `generateText` returns the first line of the prompt
 * (the template model writes structured tasks only).
 *
 * @example
 * ```ts
 * const engine = createGrowthEngine({ ..., llm: templateModel() });
 * ```
 */
export function templateModel(options: TemplateModelOptions = {}): TemplateModel {
  const tasks: Record<string, TemplateTask> = {
    [SOCIAL_TASKS.plan]: (input) => planTemplateCalendar(input as PlanTaskInput),
    [SOCIAL_TASKS.captions]: (input) => writeTemplateCaptions(input as CaptionsTaskInput),
    [SOCIAL_TASKS.rewrite]: (input) => rewriteTemplateCaptions(input as RewriteTaskInput),
    ...options.tasks,
  };
  return {
    specificationVersion: 'v1',
    provider: 'template',
    modelId: options.modelId ?? 'growthhub-template-1',
    taskNames: Object.keys(tasks),
    async generateObject<SCHEMA extends z.ZodType>(
      call: GenerateObjectOptions<SCHEMA>,
    ): Promise<GenerateObjectResult<z.output<SCHEMA>>> {
      call.signal?.throwIfAborted();
      const task = call.schemaName === undefined ? undefined : tasks[call.schemaName];
      if (task === undefined) {
        throw new ConfigError({
          setting: 'llm',
          reason: `the template model has no task named "${call.schemaName ?? '(none)'}"`,
          fix: `use a real model (openaiModel) for this call, or register the task in templateModel({ tasks }); known: ${Object.keys(tasks).join(', ')}`,
        });
      }
      const input = readTaskInput(call.prompt);
      if (input === undefined) {
        throw new ValidationError({
          field: 'prompt',
          reason: 'carries no <input> JSON block',
          fix: 'build the prompt with renderTaskPrompt(instructions, input)',
        });
      }
      const parsed = call.schema.safeParse(task(input));
      if (!parsed.success) throw ValidationError.fromZodError(parsed.error, { subject: call.schemaName });
      const output = JSON.stringify(parsed.data);
      return {
        object: parsed.data as z.output<SCHEMA>,
        usage: {
          inputTokens: estimateTokens(`${call.system ?? ''}${call.prompt}`),
          outputTokens: estimateTokens(output),
        },
      };
    },
    async generateText(call) {
      call.signal?.throwIfAborted();
      const text = call.prompt.trim().split('\n')[0] ?? '';
      return {
        text,
        usage: { inputTokens: estimateTokens(call.prompt), outputTokens: estimateTokens(text) },
      };
    },
  };
}
