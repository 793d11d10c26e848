/**
 * A platform's published rate limit for one bucket of endpoints: at most `limit` calls in any rolling
 * `intervalMs` window, per account.
 *
 * @example
 * ```ts
 * const rule: RateLimitRule = { platform: 'x', bucket: 'tweets:create', limit: 100, intervalMs: 900_000 };
 * ```
 */
export interface RateLimitRule {
  /** Bucket name as the adapter uses it in {@link RateLimitKey.bucket} (`'tweets:create'`, `'graph'`). */
  bucket: string;
  /** Calls allowed per window (a positive integer). */
  limit: number;
  /** Window length in milliseconds. */
  intervalMs: number;
  /** Platform the rule belongs to; without it the rule applies to this bucket name on every platform. */
  platform?: string;
  /** Calls allowed to run at the same time; unlimited by default. */
  concurrency?: number;
  /**
   * Extra time added to the window so that network jitter can never make the platform see more than
   * `limit` calls in one window. Defaults to 10 % of `intervalMs`, at most 5 s.
   */
  safetyMarginMs?: number;
}

/**
 * Identifies one rate-limit bucket: a platform, the account whose budget is spent (use a fixed id such
 * as `'app'` for app-wide limits), and the bucket name.
 */
export interface RateLimitKey {
  /** Platform id, such as `'x'` or `'meta'`. */
  platform: string;
  /** Account (or app) whose budget the call spends. */
  accountId: string;
  /** Bucket name, matching a {@link RateLimitRule.bucket}. */
  bucket: string;
}

/** How much of a platform budget is spent, as read from the platform's usage headers. */
export interface RateLimitUsage {
  /** Percentage of the budget already used, 0-100 (values outside are clamped). */
  usedPercent: number;
  /** When the platform's window resets, if it says. */
  resetAt?: Date;
}
