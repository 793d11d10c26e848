import type { RateLimitUsage } from '../rate-limit/rate-limit-types';
import { parseResetHeader } from './retry-delay';

/**
 * The kernel's built-in usage reader: turns `x-rate-limit-limit`, `x-rate-limit-remaining` and
 * `x-rate-limit-reset` (X; also the `x-ratelimit-*` spelling) into a {@link RateLimitUsage}
 * (`usedPercent = (limit − remaining) / limit × 100`, `resetAt` from the reset header). Returns
 * `undefined` when the headers are absent.
 */
export function readRateLimitHeaders(headers: Headers, now = Date.now()): RateLimitUsage | undefined {
  const limitText = headers.get('x-rate-limit-limit') ?? headers.get('x-ratelimit-limit');
  if (limitText === null) return undefined;
  const remainingText = headers.get('x-rate-limit-remaining') ?? headers.get('x-ratelimit-remaining');
  const limit = Number(limitText);
  const remaining = Number(remainingText);
  if (remainingText === null || !(limit > 0) || !Number.isFinite(remaining)) return undefined;
  const usage: RateLimitUsage = { usedPercent: ((limit - Math.max(0, remaining)) / limit) * 100 };
  const resetText = headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset');
  const resetInMs = resetText === null ? undefined : parseResetHeader(resetText, now);
  if (resetInMs !== undefined) usage.resetAt = new Date(now + resetInMs);
  return usage;
}
