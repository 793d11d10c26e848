/**
 * How long the platform asks us to wait before sending again, in milliseconds, or `undefined` when it
 * does not say. Reads, and honours the longest of:
 * - `Retry-After`: delay in seconds, or an HTTP date;
 * - `x-rate-limit-reset` / `x-ratelimit-reset`: epoch seconds (a value below 10^9 is read as seconds from
 *   now), only when the answer is a 429 or the remaining count is 0;
 * - Google's `error.details[].retryDelay` (a protobuf duration such as `"2s"` or `"0.5s"`) in the body.
 *
 * @param status - HTTP status of the answer.
 * @param headers - its headers.
 * @param body - its parsed body.
 * @param now - the current time in epoch milliseconds.
 */
export function platformRetryDelayMs(
  status: number,
  headers: Headers,
  body: unknown,
  now = Date.now(),
): number | undefined {
  let delay: number | undefined;
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) delay = longer(delay, parseRetryAfter(retryAfter, now));
  const reset = headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset');
  if (reset !== null && (status === 429 || remainingIsZero(headers)))
    delay = longer(delay, parseResetHeader(reset, now));
  delay = longer(delay, googleRetryDelayMs(body));
  return delay;
}

/**
 * The backoff before retry number `retryIndex` (0-based) when the platform gives no delay: exponential
 * from `baseDelayMs`, capped at `maxDelayMs`, with "equal jitter" (between half and all of the step) so
 * that many clients do not retry in lockstep.
 */
export function backoffDelayMs(retryIndex: number, baseDelayMs: number, maxDelayMs: number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

/** Parses a `Retry-After` value (seconds or HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Parses an `x-rate-limit-reset` value (epoch seconds, or seconds from now below 10^9) into milliseconds from `now`. */
export function parseResetHeader(value: string, now = Date.now()): number | undefined {
  const seconds = Number(value.trim());
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  if (seconds < EPOCH_SECONDS_THRESHOLD) return Math.ceil(seconds * 1000);
  return Math.max(0, Math.ceil(seconds * 1000 - now));
}

const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

function remainingIsZero(headers: Headers): boolean {
  const remaining = headers.get('x-rate-limit-remaining') ?? headers.get('x-ratelimit-remaining');
  return remaining !== null && Number(remaining) === 0;
}

function longer(current: number | undefined, next: number | undefined): number | undefined {
  if (next === undefined) return current;
  return current === undefined || next > current ? next : current;
}

function googleRetryDelayMs(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const details = (body as { error?: { details?: unknown } }).error?.details;
  if (!Array.isArray(details)) return undefined;
  let delay: number | undefined;
  for (const detail of details) {
    const retryDelay = (detail as { retryDelay?: unknown } | null)?.retryDelay;
    if (typeof retryDelay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(retryDelay.trim());
      if (match?.[1] !== undefined) delay = longer(delay, Math.ceil(Number(match[1]) * 1000));
    }
  }
  return delay;
}
