import type { z } from 'zod';

/** Tokens a model call consumed. */
export interface LanguageModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Options shared by both generation calls. */
export interface GenerateBaseOptions {
  /** System instructions. */
  readonly system?: string;
  /** The user prompt. */
  readonly prompt: string;
  /** Sampling temperature, when the model supports it. */
  readonly temperature?: number;
  /** Upper bound on output tokens. */
  readonly maxOutputTokens?: number;
  readonly signal?: AbortSignal;
}

/** Options for {@link LanguageModel.generateObject}. */
export interface GenerateObjectOptions<SCHEMA extends z.ZodType> extends GenerateBaseOptions {
  /** The zod schema the output must satisfy; it is also sent to the model as JSON Schema where supported. */
  readonly schema: SCHEMA;
  /** A name for the schema (some providers require one). */
  readonly schemaName?: string;
}

/** The result of {@link LanguageModel.generateObject}: an object that passed the schema. */
export interface GenerateObjectResult<OBJECT> {
  readonly object: OBJECT;
  /** Total usage, including any repair or retry calls. */
  readonly usage: LanguageModelUsage;
}

/** Options for {@link LanguageModel.generateText}. */
export type GenerateTextOptions = GenerateBaseOptions;

/** The result of {@link LanguageModel.generateText}. */
export interface GenerateTextResult {
  readonly text: string;
  readonly usage: LanguageModelUsage;
}

/**
 * A language model, specification version 1 (shaped like the AI SDK's provider specs). Output that
 * fails the schema is repaired or retried inside `generateObject`, never returned.
 */
export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Provider name, e.g. `openai`, `template`. */
  readonly provider: string;
  /** Model id, e.g. `gpt-4.1-mini`. */
  readonly modelId: string;
  /** Generates an object that satisfies `schema`. */
  generateObject<SCHEMA extends z.ZodType>(
    options: GenerateObjectOptions<SCHEMA>,
  ): Promise<GenerateObjectResult<z.output<SCHEMA>>>;
  /** Generates free text. */
  generateText(options: GenerateTextOptions): Promise<GenerateTextResult>;
}

/** Adds two usage records (for totals across calls). */
export function addUsage(a: LanguageModelUsage, b: LanguageModelUsage): LanguageModelUsage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}
