import { ConfigError } from '../errors/config-error';
import { redactingLogger, silentLogger } from '../logging/logger';
import { executeHttpCall, type ResolvedHttpClient } from './http-call';
import type { HttpClient, HttpClientOptions } from './http-types';
import { readRateLimitHeaders } from './rate-limit-headers';

/**
 * Creates the HTTP kernel every adapter sends its platform calls through.
 *
 * - **One retry layer**: a thin transport over the injected (or global) `fetch` sends each attempt and
 *   never retries; exactly one p-retry loop decides. Retried: network errors, 408, 429, 5xx
 *   and errors the adapter's mapper marks `retryable` (or `isTransient` approves). The wait honours
 *   `Retry-After` (seconds or HTTP date), `x-rate-limit-reset` (epoch seconds) and Google's
 *   `retryDelay`, otherwise exponential backoff with jitter. If a wait would exceed `maxTotalWaitMs`,
 *   the call fails at once with the typed error (`RateLimitError` with `resetAt` for a 429).
 * - **Never a duplicate publish**: a non-idempotent request (POST/PATCH, or `idempotent: false`) is
 *   retried only when the failure proves it never left (connection refused, DNS) or the mapper says the
 *   platform did not act (`platformDidNotAct`).
 * - **Auth**: with `auth`, one refresh-and-retry after a 401 (or an `AuthError` with `needsReconnect`);
 *   a second rejection is thrown as `AuthError`.
 * - **Rate limits**: with a `rateLimiter` and a request `rateLimit` key, every attempt waits for its
 *   bucket; usage headers are reported after every response (`readUsage`) and a 429 with a known reset
 *   pauses the whole bucket.
 * - **Typed, secret-free errors**: every thrown error is a `GrowthError` with `attempts` set, scrubbed of
 *   the literal tokens used (or, after an abort, the signal's reason as is).
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'x', baseUrl: 'https://api.x.com/2', rateLimiter, mapError });
 * const { data } = await http.request({
 *   method: 'POST', url: 'tweets', json: { text }, auth: credentials,
 *   rateLimit: { platform: 'x', accountId, bucket: 'tweets:create' }, responseSchema: CreatedTweet,
 * });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const retry = options.retry ?? {};
  const client: ResolvedHttpClient = {
    platform: options.platform,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: options.headers === undefined ? undefined : { ...options.headers },
    mapError: options.mapError,
    maxRetries: nonNegative('retry.maxAttempts', retry.maxAttempts, 3),
    maxTotalWaitMs: nonNegative('retry.maxTotalWaitMs', retry.maxTotalWaitMs, 60_000),
    baseDelayMs: nonNegative('retry.baseDelayMs', retry.baseDelayMs, 500),
    maxDelayMs: nonNegative('retry.maxDelayMs', retry.maxDelayMs, 30_000),
    rateLimiter: options.rateLimiter,
    logger:
      options.logger === undefined || options.logger === silentLogger
        ? undefined
        : redactingLogger(options.logger),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
    isTransient: options.isTransient?.bind(options),
    readUsage: options.readUsage?.bind(options) ?? ((headers) => readRateLimitHeaders(headers)),
  };
  return {
    platform: client.platform,
    request: (request) => executeHttpCall(client, request),
  };
}

/** The largest delay a timer accepts (a longer one would fire at once). */
const MAX_TIMEOUT_MS = 2_147_483_647;

function nonNegative(setting: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigError({
      setting: `http.${setting}`,
      reason: `must be a non-negative finite number, got ${value}`,
      fix: `pass a number of at least 0 or leave it out for the default (${fallback})`,
    });
  }
  return value;
}

function positive(setting: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new ConfigError({
      setting: `http.${setting}`,
      reason: `must be between 1 and ${MAX_TIMEOUT_MS} milliseconds, got ${value}`,
      fix: `pass a positive number of milliseconds or leave it out for the default (${fallback})`,
    });
  }
  return value;
}
