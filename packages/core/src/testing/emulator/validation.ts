import { z } from 'zod';
import type { FieldIssue } from './failure';

/** Result of checking one part of a request against a route's schema. */
export type SchemaCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: FieldIssue[] };

/**
 * Runs a zod schema over a request part and turns its issues into {@link FieldIssue}s (dotted field
 * path, message, whether the field was missing, the rejected value). Async refinements are allowed.
 */
export async function checkAgainstSchema(schema: z.ZodType, input: unknown): Promise<SchemaCheck> {
  const result = await schema.safeParseAsync(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => toFieldIssue(issue, input)) };
}

/**
 * A query parameter that may be repeated or comma-separated (`ids=1&ids=2` or `ids=1,2`), as an
 * array of non-empty strings. Many platforms accept both forms, and so must their emulators.
 *
 * @example
 * ```ts
 * emulator.route('GET', '/2/tweets', handler, { query: z.object({ ids: queryList() }) });
 * ```
 */
export function queryList() {
  return z
    .transform((value: unknown): string[] => {
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      return values.flatMap((item) => String(item).split(',')).map((item) => item.trim());
    })
    .pipe(z.array(z.string().min(1)).min(1));
}

function toFieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const path = issue.path.map(String);
  const value = valueAt(input, issue.path);
  const missing = issue.code === 'invalid_type' && value === undefined;
  return {
    field: path.join('.'),
    message: issue.message,
    missing,
    ...(value === undefined ? {} : { value }),
  };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
