import type { z } from 'zod';
import type {
  GenerateObjectOptions,
  GenerateObjectResult,
  GenerateTextOptions,
  GenerateTextResult,
  LanguageModel,
  LanguageModelUsage,
} from '../contracts/index';
import { ConfigError, ValidationError } from '../errors/index';

/** One call a {@link ScriptedLanguageModel} received. */
export interface ScriptedModelCall {
  /** 0-based position among all calls. */
  readonly index: number;
  readonly kind: 'object' | 'text';
  readonly system: string | undefined;
  readonly prompt: string;
  /** The requested schema (object calls). */
  readonly schema: z.ZodType | undefined;
  readonly schemaName: string | undefined;
  readonly temperature: number | undefined;
  readonly maxOutputTokens: number | undefined;
}

/**
 * One scripted answer:
 * - `{ object }`: the object for `generateObject` (validated against the requested schema; for
 *   `generateText` it is sent as JSON text);
 * - `{ text }`: text for `generateText`; for `generateObject` it is parsed as JSON first, like a
 *   model's raw output;
 * - `{ error }`: this value is thrown (a provider outage, a timeout).
 *
 * `usage` overrides the estimate (about 4 characters per token); `delayMs` waits first (abortable).
 */
export type ScriptedAnswer = (
  | { readonly object: unknown }
  | { readonly text: string }
  | { readonly error: unknown }
) & {
  readonly usage?: Partial<LanguageModelUsage>;
  readonly delayMs?: number;
};

/** Answers each call: a list consumed in order, or a function of the call. */
export type LanguageModelScript =
  | ReadonlyArray<ScriptedAnswer | ((call: ScriptedModelCall) => ScriptedAnswer | Promise<ScriptedAnswer>)>
  | ((call: ScriptedModelCall) => ScriptedAnswer | Promise<ScriptedAnswer>);

/** Settings for {@link scriptedLanguageModel}. */
export interface ScriptedLanguageModelOptions {
  /** Default `scripted`. */
  readonly provider?: string;
  /** Default `scripted-model`. */
  readonly modelId?: string;
}

/** A fake {@link LanguageModel} with the calls it received. */
export interface ScriptedLanguageModel extends LanguageModel {
  /** Every call so far, oldest first. */
  readonly calls: readonly ScriptedModelCall[];
  /** Scripted answers not yet used (`Infinity` for a function script). */
  remaining(): number;
  /** Usage summed over every answered call. */
  totalUsage(): LanguageModelUsage;
}

/**
 * A fake `LanguageModel` that answers from a script, records every call and reports usage. Objects
 * are checked against the schema the caller asked for: an answer that does not fit throws a
 * `ValidationError`, exactly where a real model's bad output would surface, so callers' repair and
 * retry paths can be tested.
 *
 * @example
 * ```ts
 * const model = scriptedLanguageModel([
 *   { object: { caption: 'x'.repeat(400) } },          // too long: the caller must repair or retry
 *   { object: { caption: 'Fresh drop, 20% off today' } },
 * ]);
 * const plan = await writeCaption(model);               // the caller's own retry logic
 * expect(model.calls).toHaveLength(2);
 * ```
 */
export function scriptedLanguageModel(
  script: LanguageModelScript,
  options: ScriptedLanguageModelOptions = {},
): ScriptedLanguageModel {
  const calls: ScriptedModelCall[] = [];
  const queue = typeof script === 'function' ? undefined : [...script];
  let total: LanguageModelUsage = { inputTokens: 0, outputTokens: 0 };

  async function answerFor(
    call: ScriptedModelCall,
    signal: AbortSignal | undefined,
  ): Promise<ScriptedAnswer> {
    signal?.throwIfAborted();
    calls.push(call);
    let step = typeof script === 'function' ? script : queue?.shift();
    if (step === undefined) {
      throw new ConfigError({
        setting: 'scriptedLanguageModel script',
        reason: `has no answer left for call #${call.index + 1} (${call.kind})`,
        fix: 'add an answer to the script for every model call the code under test makes',
      });
    }
    const answer = typeof step === 'function' ? await step(call) : step;
    step = undefined;
    if (answer.delayMs !== undefined) await abortableDelay(answer.delayMs, signal);
    signal?.throwIfAborted();
    if ('error' in answer) throw answer.error;
    return answer;
  }

  function usageOf(call: ScriptedModelCall, answer: ScriptedAnswer, output: string): LanguageModelUsage {
    const usage = {
      inputTokens: answer.usage?.inputTokens ?? estimateTokens(`${call.system ?? ''}${call.prompt}`),
      outputTokens: answer.usage?.outputTokens ?? estimateTokens(output),
    };
    total = {
      inputTokens: total.inputTokens + usage.inputTokens,
      outputTokens: total.outputTokens + usage.outputTokens,
    };
    return usage;
  }

  return {
    specificationVersion: 'v1',
    provider: options.provider ?? 'scripted',
    modelId: options.modelId ?? 'scripted-model',
    calls,
    remaining: () => queue?.length ?? Number.POSITIVE_INFINITY,
    totalUsage: () => total,
    async generateObject<SCHEMA extends z.ZodType>(
      request: GenerateObjectOptions<SCHEMA>,
    ): Promise<GenerateObjectResult<z.output<SCHEMA>>> {
      const call = recordOf(calls.length, 'object', request, request.schema, request.schemaName);
      const answer = await answerFor(call, request.signal);
      const raw = 'object' in answer ? answer.object : parseModelJson('text' in answer ? answer.text : '');
      const output = 'text' in answer ? answer.text : (JSON.stringify(raw) ?? '');
      const usage = usageOf(call, answer, output);
      const parsed = await request.schema.safeParseAsync(raw);
      if (!parsed.success) {
        throw ValidationError.fromZodError(parsed.error, {
          subject: request.schemaName ?? 'object',
          fix: 'repair the model output or ask the model again',
        });
      }
      return { object: parsed.data, usage };
    },
    async generateText(request: GenerateTextOptions): Promise<GenerateTextResult> {
      const call = recordOf(calls.length, 'text', request, undefined, undefined);
      const answer = await answerFor(call, request.signal);
      const text =
        'text' in answer ? answer.text : (JSON.stringify('object' in answer ? answer.object : '') ?? '');
      return { text, usage: usageOf(call, answer, text) };
    },
  };
}

function recordOf(
  index: number,
  kind: ScriptedModelCall['kind'],
  request: GenerateTextOptions,
  schema: z.ZodType | undefined,
  schemaName: string | undefined,
): ScriptedModelCall {
  return {
    index,
    kind,
    system: request.system,
    prompt: request.prompt,
    schema,
    schemaName,
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
  };
}

/** Parses raw model text as JSON; text that is not JSON is a `ValidationError`, as a real model's would be. */
function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError({
      field: 'object',
      reason: 'the model answered with text that is not JSON',
      fix: 'repair the model output or ask the model again',
    });
  }
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
