import type {
  GenerateObjectOptions,
  GenerateObjectResult,
  GenerateTextOptions,
  LanguageModel,
  LanguageModelUsage,
} from '@growthhub/core';
import { addUsage, ConfigError, ValidationError } from '@growthhub/core';
import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { mapOpenAIError } from './openai-errors';
import { describeIssues, readJsonObject, responseFormatFor } from './structured-output';
import { estimateTokens } from './task-prompt';

/** Options of {@link openaiModel}. */
export interface OpenAIModelOptions {
  /** Model id, e.g. `gpt-4.1-mini`, or the name your server gives it (`llama3.1` on Ollama). */
  model: string;
  /** API key. Required by OpenAI; local servers usually accept any value (default `not-needed`). */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint: OpenAI (default), Azure, Ollama (`http://localhost:11434/v1`), vLLM. */
  baseURL?: string;
  /** Provider name used in errors and `LanguageModel.provider` (default `openai`). */
  provider?: string;
  /** Extra headers sent with every call. */
  headers?: Record<string, string>;
  /** The fetch to use (tests, proxies). */
  fetch?: typeof fetch;
  /** Times a response that fails the schema is sent back to the model for repair (default 2). */
  maxRepairs?: number;
  /** Transport retries of 408/429/5xx and network errors by the client (default 2). */
  maxRetries?: number;
  /** Per-call timeout in milliseconds (default 120 000). */
  timeoutMs?: number;
  /**
   * `json_schema` (default) sends the zod schema as a strict JSON Schema (structured outputs);
   * `json_object` only asks for JSON, for servers without schema support. Either way the answer is
   * validated with zod here.
   */
  responseFormat?: 'json_schema' | 'json_object';
  /** A ready client; the other connection settings are then ignored. */
  client?: OpenAI;
}

/**
 * A {@link LanguageModel} on any OpenAI-compatible chat completions endpoint (the `openai` package).
 *
 * - Structured output: the zod schema is sent as a JSON Schema response format, and the answer is
 *   parsed with the same schema. An answer that is not JSON or fails the schema is sent back with the
 *   exact problems for repair (up to `maxRepairs` times); it is never passed on. When repairs run out
 *   the call fails with a `ValidationError` naming the field.
 * - Usage: the tokens of every call, repairs included, are summed in `usage`.
 * - Errors: typed (`ConfigError` for a refused key or unknown model, `RateLimitError`,
 *   `PlatformApiError` on platform `openai`), secrets redacted.
 * - The client is created on first use, so building the model never throws for a missing key.
 *
 * @example
 * ```ts
 * const llm = openaiModel({ model: 'gpt-4.1-mini', apiKey: process.env.OPENAI_API_KEY });
 * const ollama = openaiModel({ model: 'llama3.1', baseURL: 'http://localhost:11434/v1' });
 * ```
 */
export function openaiModel(options: OpenAIModelOptions): LanguageModel {
  if (typeof options?.model !== 'string' || options.model.trim() === '') {
    throw new ConfigError({
      setting: 'llm.model',
      reason: 'no model id was given',
      fix: "pass the model id, e.g. openaiModel({ model: 'gpt-4.1-mini' })",
    });
  }
  const provider = options.provider ?? 'openai';
  const maxRepairs = options.maxRepairs ?? 2;
  let client = options.client;
  const getClient = (): OpenAI => {
    client ??= new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
      ...(options.headers === undefined ? {} : { defaultHeaders: options.headers }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 120_000,
    });
    return client;
  };

  const complete = async (
    body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal | undefined,
  ): Promise<{ content: string; usage: LanguageModelUsage; refusal: string | null }> => {
    let completion: ChatCompletion;
    try {
      completion = await getClient().chat.completions.create(body, signal === undefined ? {} : { signal });
    } catch (error) {
      throw mapOpenAIError(error, provider);
    }
    const message = completion.choices[0]?.message;
    const content = message?.content ?? '';
    const usage = completion.usage
      ? { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
      : { inputTokens: estimateTokens(JSON.stringify(body.messages)), outputTokens: estimateTokens(content) };
    return { content, usage, refusal: message?.refusal ?? null };
  };

  return {
    specificationVersion: 'v1',
    provider,
    modelId: options.model,
    async generateObject<SCHEMA extends z.ZodType>(
      call: GenerateObjectOptions<SCHEMA>,
    ): Promise<GenerateObjectResult<z.output<SCHEMA>>> {
      const name = call.schemaName ?? 'output';
      const messages: ChatCompletionMessageParam[] = [
        ...(call.system === undefined ? [] : [{ role: 'system' as const, content: call.system }]),
        { role: 'user', content: call.prompt },
      ];
      const responseFormat = responseFormatFor(call.schema, name, options.responseFormat ?? 'json_schema');
      let usage: LanguageModelUsage = { inputTokens: 0, outputTokens: 0 };
      let problems = '';
      let lastError: ValidationError | undefined;
      for (let attempt = 0; attempt <= maxRepairs; attempt++) {
        const answer = await complete(
          {
            model: options.model,
            messages,
            response_format: responseFormat,
            ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
            ...(call.maxOutputTokens === undefined ? {} : { max_completion_tokens: call.maxOutputTokens }),
          },
          call.signal,
        );
        usage = addUsage(usage, answer.usage);
        lastError = undefined;
        if (answer.refusal) problems = `the model refused: ${answer.refusal}`;
        else {
          const read = readJsonObject(answer.content);
          if (read.ok) {
            const parsed = call.schema.safeParse(read.value);
            if (parsed.success) return { object: parsed.data as z.output<SCHEMA>, usage };
            problems = describeIssues(parsed.error);
            lastError = ValidationError.fromZodError(parsed.error, {
              subject: name,
              fix: `the model kept answering outside the ${name} schema; try a stronger model or raise maxRepairs`,
            });
          } else problems = read.problem;
        }
        messages.push({ role: 'assistant', content: answer.content || '(empty)' });
        messages.push({
          role: 'user',
          content: `Your answer cannot be used: ${problems}. Reply again with only the corrected JSON object, complete and valid against the schema.`,
        });
      }
      throw (
        lastError ??
        new ValidationError({
          field: name,
          reason: `the model gave no usable JSON after ${maxRepairs + 1} tries (${problems})`,
          fix: 'try a stronger model, a server with JSON output support, or raise maxRepairs',
        })
      );
    },
    async generateText(call: GenerateTextOptions) {
      const answer = await complete(
        {
          model: options.model,
          messages: [
            ...(call.system === undefined ? [] : [{ role: 'system' as const, content: call.system }]),
            { role: 'user', content: call.prompt },
          ],
          ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
          ...(call.maxOutputTokens === undefined ? {} : { max_completion_tokens: call.maxOutputTokens }),
        },
        call.signal,
      );
      return { text: answer.content, usage: answer.usage };
    },
  };
}
