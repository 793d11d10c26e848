import type { FaultMatch } from './faults';

/** A request budget: at most `limit` requests per `windowMs`, counted per (token, route). */
export interface EmulatorRateLimit {
  readonly limit: number;
  readonly windowMs: number;
  /** Which requests count (emulator-wide rules); route-level rules apply to their route. */
  readonly match?: FaultMatch;
}

/** The outcome of counting one request. */
export interface RateLimitCount {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: Date;
  /** True when this request is over the limit and must be answered with the platform's 429. */
  readonly limited: boolean;
}

/** Runtime rate-limit rules of an emulator (`emulator.rateLimits`). */
export interface EmulatorRateLimits {
  /** Adds a rule counted per (token, route); requests over it get the platform's 429. */
  add(rule: EmulatorRateLimit): void;
  /** Removes every rule added with `add` and forgets all counts. */
  clear(): void;
  /** Forgets all counts, keeping the rules. */
  resetCounts(): void;
}

/**
 * Fixed windows per (rule, token, route): the first request opens a window of `windowMs`; request
 * `limit + 1` within it is limited, and the window's end is the reset time in the 429's headers.
 */
export class RateLimitCounter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  /** Counts one request against a rule; `key` identifies (rule, token, route). */
  count(rule: EmulatorRateLimit, key: string, now: number): RateLimitCount {
    assertRule(rule);
    let window = this.windows.get(key);
    if (window === undefined || now >= window.startedAt + rule.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limited = window.count > rule.limit;
    return {
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - window.count),
      resetAt: new Date(window.startedAt + rule.windowMs),
      limited,
    };
  }

  /** Forgets every window. */
  reset(): void {
    this.windows.clear();
  }
}

/** Throws when a rule cannot work (a non-positive limit or window). */
export function assertRule(rule: EmulatorRateLimit): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new RangeError(`rateLimit.limit must be a positive integer, got ${String(rule.limit)}`);
  }
  if (!Number.isFinite(rule.windowMs) || rule.windowMs <= 0) {
    throw new RangeError(
      `rateLimit.windowMs must be a positive number of milliseconds, got ${String(rule.windowMs)}`,
    );
  }
}
