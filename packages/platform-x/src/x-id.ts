import { ValidationError } from '@growthhub/core';

/** X post and user ids: decimal snowflakes of 1 to 19 digits (they fit in a signed 64-bit integer). */
export const X_ID_PATTERN = /^\d{1,19}$/;

/**
 * Returns `value` when it is an X post or user id, else throws a `ValidationError` naming `field`.
 * Run before an id goes into a request path or query: `.` and `..` survive `encodeURIComponent`, so
 * `DELETE /2/tweets/..` would otherwise reach `DELETE /2/`.
 */
export function requireXId(value: string, field: string): string {
  if (typeof value === 'string' && X_ID_PATTERN.test(value)) return value;
  throw new ValidationError({
    field,
    reason: `${JSON.stringify(value)} is not an X id (1 to 19 decimal digits)`,
    fix: 'pass the numeric id X returned (e.g. a post id from publish(), a user id from the connection)',
  });
}
