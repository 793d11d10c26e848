import { ValidationError } from '@growthhub/core';
import type { z } from 'zod';

/**
 * Parses one part of a request (body, query, params) with a zod schema. A mismatch becomes the
 * core's `ValidationError`, naming the field as `body.days` or `query.status`, so the API answers bad
 * input exactly as the engine does.
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw ValidationError.fromZodError(result.error, { subject: part });
  return result.data;
}
