/**
 * Per-(platform, account, bucket) rate limiting on `p-queue`: published limits as {@link RateLimitRule}s,
 * slow-down on reported usage and pauses after a 429.
 *
 * @module
 */
export { DEFAULT_USAGE_WINDOW_MS, HOLD_AT_PERCENT, SLOW_DOWN_AT_PERCENT } from './rate-limit-bucket';
export type { RateLimitKey, RateLimitRule, RateLimitUsage } from './rate-limit-types';
export {
  createRateLimiter,
  type RateLimitBucketState,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitScheduleOptions,
} from './rate-limiter';
