import { GrowthError, hasErrorMarker, markErrorClass } from './growth-error';

/** Options for {@link QuotaExceededError}. */
export interface QuotaExceededErrorOptions {
  /** Platform id, when the quota is a platform's. */
  platform?: string;
  /** Which quota (`'instagram_posts_per_24h'`, `'youtube_units_per_day'`, `'ads_spend_per_day'`). */
  quota: string;
  /** The quota's size, when known. */
  limit?: number;
  /** How much of it is already used, when known. */
  used?: number;
  /** When the quota renews, when known. */
  resetAt?: Date;
  /** What to do about it; defaults to waiting for the reset. */
  fix?: string;
  /** Human-readable description; defaults to one built from the other fields. */
  message?: string;
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
  /** How many HTTP attempts were made (set by the HTTP kernel). */
  attempts?: number;
}

/**
 * A quota that does not refill within seconds is used up (daily publish caps, API unit budgets, spend
 * caps). Unlike {@link RateLimitError} it is not retried by the kernel: the work has to be rescheduled.
 */
export class QuotaExceededError extends GrowthError {
  /** Platform id, when the quota is a platform's. */
  readonly platform?: string;
  /** Which quota. */
  readonly quota: string;
  /** The quota's size, when known. */
  readonly limit?: number;
  /** How much is already used, when known. */
  readonly used?: number;
  /** When the quota renews, when known. */
  readonly resetAt?: Date;
  /** What to do about it. */
  readonly fix: string;

  constructor(options: QuotaExceededErrorOptions) {
    const fix =
      options.fix ??
      (options.resetAt === undefined
        ? 'wait for the quota to renew'
        : `wait until ${options.resetAt.toISOString()} when the quota renews`);
    super({
      message: options.message ?? defaultMessage(options, fix),
      code: 'quota_exceeded',
      cause: options.cause,
      attempts: options.attempts,
    });
    if (options.platform !== undefined) this.platform = options.platform;
    this.quota = options.quota;
    if (options.limit !== undefined) this.limit = options.limit;
    if (options.used !== undefined) this.used = options.used;
    if (options.resetAt !== undefined) this.resetAt = options.resetAt;
    this.fix = fix;
  }

  /** Tells whether `value` is a {@link QuotaExceededError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is QuotaExceededError {
    return hasErrorMarker(value, 'QuotaExceededError');
  }
}

markErrorClass(QuotaExceededError, 'QuotaExceededError');

function defaultMessage(options: QuotaExceededErrorOptions, fix: string): string {
  const owner = options.platform === undefined ? '' : `${options.platform} `;
  const usage =
    options.limit === undefined ? '' : ` (${options.used ?? options.limit} of ${options.limit} used)`;
  return `${owner}quota ${options.quota} is used up${usage}. Fix: ${fix}.`;
}
