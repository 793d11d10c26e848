import { ConfigError } from '../errors/config-error';
import { RateLimitBucket } from './rate-limit-bucket';
import type { RateLimitKey, RateLimitRule, RateLimitUsage } from './rate-limit-types';

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Published limits. A rule with `platform` applies to that platform's bucket only; a rule without it
   * applies to the bucket of that name on any platform. Buckets without a rule run unthrottled but still
   * obey `pauseUntil` and `reportUsage`.
   */
  rules?: readonly RateLimitRule[];
}

/** Options for {@link RateLimiter.schedule}. */
export interface RateLimitScheduleOptions {
  /** Aborting removes the call from the queue; the returned promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A snapshot of one bucket, for diagnostics and tests. */
export interface RateLimitBucketState {
  /** Calls waiting for their turn. */
  queued: number;
  /** Calls currently running. */
  running: number;
  /** When a pause (after a 429 or at >= 95 % usage) ends, if the bucket is paused. */
  pausedUntil?: Date;
  /** Minimum time between calls while usage is high (75-95 %); 0 at normal speed. */
  spacingMs: number;
}

/**
 * Keeps calls to each (platform, accountId, bucket) under the platform's published limits with one
 * `p-queue` per key, created on first use. A bucket's rule caps the calls started in any rolling
 * `intervalMs` window (sliding window, with a safety margin for network jitter).
 *
 * Slowing down before the platform says 429 (`reportUsage`), as a documented policy:
 * - below 75 % used: full speed (the rule's limit);
 * - 75 % to below 95 %: calls are spread out, one at a time at least `window / remainingCalls` apart, where
 *   `window` is the time until `resetAt` (or the rule's interval, or 60 s) and `remainingCalls` is the
 *   rule's `limit × (100 − usedPercent) / 100` (or one call per remaining percent point without a rule);
 * - 95 % and above: the bucket is held until `resetAt` (or for one rule interval, or 60 s).
 *
 * After a 429, `pauseUntil(key, resetAt)` holds the whole bucket, so other callers stop too.
 * Idle buckets hold no timers that keep the process alive, and long-idle buckets are dropped.
 */
export interface RateLimiter {
  /**
   * Runs `fn` when the bucket allows it and resolves with its result. Every call to the platform
   * (each HTTP attempt, retries included) goes through here once.
   */
  schedule<T>(key: RateLimitKey, fn: () => Promise<T>, options?: RateLimitScheduleOptions): Promise<T>;
  /** Reports how much of the platform's budget is used (from its usage headers); see the policy above. */
  reportUsage(key: RateLimitKey, usage: RateLimitUsage): void;
  /** Holds every call of the bucket until `until` (after a 429). A later date extends a pause; an earlier one does not shorten it. */
  pauseUntil(key: RateLimitKey, until: Date): void;
  /** Adds or replaces rules (same platform and bucket) at runtime, e.g. when an adapter is registered. */
  addRules(rules: readonly RateLimitRule[]): void;
  /** A snapshot of one bucket. */
  inspect(key: RateLimitKey): RateLimitBucketState;
}

/**
 * Creates a {@link RateLimiter}. One limiter is shared by everything that calls the same platform
 * accounts, so that all callers count against the same budget.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({
 *   rules: [{ platform: 'x', bucket: 'tweets:create', limit: 100, intervalMs: 15 * 60_000 }],
 * });
 * await limiter.schedule({ platform: 'x', accountId: '42', bucket: 'tweets:create' }, () => post());
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const rules = new Map<string, RateLimitRule>();
  const buckets = new Map<string, RateLimitBucket>();
  let schedulesSinceSweep = 0;

  const addRules = (added: readonly RateLimitRule[]) => {
    for (const rule of added) {
      validateRule(rule);
      rules.set(ruleKey(rule.platform, rule.bucket), rule);
    }
  };
  addRules(options.rules ?? []);

  const bucketFor = (key: RateLimitKey): RateLimitBucket => {
    const id = `${key.platform}\u0000${key.accountId}\u0000${key.bucket}`;
    let bucket = buckets.get(id);
    if (bucket === undefined) {
      const rule = rules.get(ruleKey(key.platform, key.bucket)) ?? rules.get(ruleKey(undefined, key.bucket));
      bucket = new RateLimitBucket(rule);
      buckets.set(id, bucket);
    }
    return bucket;
  };

  const sweepIdleBuckets = () => {
    const now = Date.now();
    for (const [id, bucket] of buckets) if (bucket.isForgettable(now)) buckets.delete(id);
  };

  return {
    schedule(key, fn, scheduleOptions) {
      if (++schedulesSinceSweep >= SWEEP_EVERY && buckets.size > SWEEP_ABOVE) {
        schedulesSinceSweep = 0;
        sweepIdleBuckets();
      }
      return bucketFor(key).schedule(fn, scheduleOptions?.signal);
    },
    reportUsage(key, usage) {
      bucketFor(key).reportUsage(usage);
    },
    pauseUntil(key, until) {
      bucketFor(key).pauseUntil(until.getTime());
    },
    addRules,
    inspect(key) {
      return bucketFor(key).inspect();
    },
  };
}

const SWEEP_EVERY = 1_000;
const SWEEP_ABOVE = 64;

function ruleKey(platform: string | undefined, bucket: string): string {
  return `${platform ?? '*'}\u0000${bucket}`;
}

function validateRule(rule: RateLimitRule): void {
  const setting = `rateLimit.rules[${rule.platform ?? '*'}/${rule.bucket}]`;
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new ConfigError({
      setting: `${setting}.limit`,
      reason: 'must be a positive integer',
      fix: 'set the number of calls the platform allows per interval',
    });
  }
  if (!Number.isFinite(rule.intervalMs) || rule.intervalMs <= 0) {
    throw new ConfigError({
      setting: `${setting}.intervalMs`,
      reason: 'must be a positive number of milliseconds',
      fix: "set the length of the platform's rate-limit window in milliseconds",
    });
  }
}
