import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import { z } from 'zod';

/**
 * The chat completions `response_format` for a zod schema: strict structured outputs built by the
 * `openai` helper, or, for a schema the helper cannot express strictly, zod's own JSON Schema with
 * `strict: false`. `json_object` asks for JSON only (servers without schema support).
 */
export function responseFormatFor(
  schema: z.ZodType,
  name: string,
  mode: 'json_schema' | 'json_object',
): ResponseFormatJSONSchema | ResponseFormatJSONObject {
  if (mode === 'json_object') return { type: 'json_object' };
  const safeName = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'output';
  try {
    const format = zodResponseFormat(schema as never, safeName);
    return { type: 'json_schema', json_schema: format.json_schema };
  } catch {
    return {
      type: 'json_schema',
      json_schema: {
        name: safeName,
        strict: false,
        schema: z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
      },
    };
  }
}

/** The result of reading a model's answer as JSON. */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Reads a model's answer as one JSON value: plain JSON, JSON inside a ```json fence, or the outermost
 * `{…}` of a chatty answer. Reports why when there is none (empty, cut off, not JSON).
 */
export function readJsonObject(content: string): JsonReadResult {
  const text = content.trim();
  if (text === '') return { ok: false, problem: 'the answer was empty' };
  const candidates = [text];
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/u)?.[1];
  if (fenced) candidates.push(fenced.trim());
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(text.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch {
      // try the next reading
    }
  }
  return { ok: false, problem: 'the answer is not valid JSON (it may have been cut off)' };
}

/** Lists a zod error's problems for the model, e.g. `posts.3.caption: Too big: expected string to have <=280 characters`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
