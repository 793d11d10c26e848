import { redactSecrets, redactValue } from './redaction';

/**
 * Removes literal secret values from an error that already exists: its message, stack, every own field
 * and the whole cause chain. Pattern-based redaction happens when an error is built; this catches a
 * secret echoed somewhere unusual (a platform that repeats the token in its error text). The HTTP kernel
 * calls it with the tokens it sent before any error leaves it; the OAuth engine does the same with
 * client secrets and refresh tokens.
 *
 * Works on any `Error` (also from another copy of the package). Returns the same error for chaining.
 *
 * @param error - the error to clean in place.
 * @param knownSecrets - literal secret values to remove (values shorter than 6 characters are ignored).
 */
export function redactErrorSecrets<E>(error: E, knownSecrets: Iterable<string | undefined>): E {
  const secrets = [...knownSecrets].filter(
    (secret): secret is string => secret !== undefined && secret !== '',
  );
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  scrub(error, secrets, new WeakSet());
  return error;
}

function scrub(error: Error, secrets: string[], seen: WeakSet<object>): void {
  if (seen.has(error)) return;
  seen.add(error);
  error.message = redactSecrets(error.message, secrets);
  if (error.stack !== undefined) error.stack = redactSecrets(error.stack, secrets);
  const fields = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string') fields[key] = redactSecrets(value, secrets);
    else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      fields[key] = value instanceof Error ? scrubNested(value, secrets, seen) : redactValue(value, secrets);
    }
  }
  if (error.cause !== undefined) {
    const cause =
      error.cause instanceof Error
        ? scrubNested(error.cause, secrets, seen)
        : redactValue(error.cause, secrets);
    Object.defineProperty(error, 'cause', {
      value: cause,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
}

function scrubNested(error: Error, secrets: string[], seen: WeakSet<object>): Error {
  scrub(error, secrets, seen);
  return error;
}
