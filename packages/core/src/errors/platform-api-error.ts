import { GrowthError, type GrowthErrorCode, hasErrorMarker, markErrorClass } from './growth-error';
import { redactValue } from './redaction';

/** Options for {@link PlatformApiError}. */
export interface PlatformApiErrorOptions {
  /** Platform id, such as `'x'` or `'meta'`. */
  platform: string;
  /** HTTP status of the platform's answer; `0` when no HTTP response was received (network error, timeout). */
  status: number;
  /** Human-readable description; defaults to one built from the platform, status and platform code. */
  message?: string;
  /** Stable code; defaults to `'platform_api_error'`. */
  code?: GrowthErrorCode;
  /** The platform's own error code (Meta `error.code`, Google `error.status`, TikTok `code`, ...). */
  platformCode?: string | number;
  /** The platform's error subcode (Meta `error_subcode`, ...). */
  platformSubcode?: string | number;
  /** The platform's request or trace id, for support tickets. */
  requestId?: string;
  /** Whether sending the same request again may succeed. Defaults to true for 408, 429 and 5xx. */
  retryable?: boolean;
  /**
   * True when the platform guarantees it did not act on the request (it was rejected before any side
   * effect), so even a non-idempotent request (a publish) may be sent again. Defaults to false.
   */
  platformDidNotAct?: boolean;
  /** The platform's error envelope or other context; redacted on construction. */
  details?: unknown;
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
  /** How many HTTP attempts were made (set by the HTTP kernel). */
  attempts?: number;
}

/**
 * A platform API call failed. Carries what the platform said (status, its own code and subcode, request
 * id) and whether the kernel may send the same request again (`retryable`, `platformDidNotAct`).
 * `status` is `0` when no HTTP answer arrived (code `'network_error'` or `'timeout'`).
 */
export class PlatformApiError extends GrowthError {
  /** Platform id, such as `'x'` or `'meta'`. */
  readonly platform: string;
  /** HTTP status; `0` when no HTTP response was received. */
  readonly status: number;
  /** The platform's own error code. */
  readonly platformCode?: string | number;
  /** The platform's error subcode. */
  readonly platformSubcode?: string | number;
  /** The platform's request or trace id. */
  readonly requestId?: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** True when the platform guarantees it did not act on the request, so any request may be resent. */
  readonly platformDidNotAct: boolean;
  /** The platform's error envelope or other context, redacted. */
  readonly details?: unknown;

  constructor(options: PlatformApiErrorOptions) {
    super({
      message: options.message ?? defaultMessage(options),
      code: options.code ?? 'platform_api_error',
      cause: options.cause,
      attempts: options.attempts,
    });
    this.platform = options.platform;
    this.status = options.status;
    if (options.platformCode !== undefined) this.platformCode = options.platformCode;
    if (options.platformSubcode !== undefined) this.platformSubcode = options.platformSubcode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    this.retryable = options.retryable ?? isRetryableStatus(options.status);
    this.platformDidNotAct = options.platformDidNotAct ?? false;
    if (options.details !== undefined) this.details = redactValue(options.details);
  }

  /** Tells whether `value` is a {@link PlatformApiError} (or subclass) from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is PlatformApiError {
    return hasErrorMarker(value, 'PlatformApiError');
  }
}

/** Options for {@link RateLimitError}. */
export interface RateLimitErrorOptions extends Omit<PlatformApiErrorOptions, 'status'> {
  /** HTTP status; defaults to 429. */
  status?: number;
  /** When the platform will accept calls again, if it said so. */
  resetAt?: Date;
}

/**
 * The platform refused the call because a rate limit was reached. `resetAt` says when calls will be
 * accepted again when the platform told us (from `Retry-After`, `x-rate-limit-reset` or its envelope).
 * Retryable by default.
 */
export class RateLimitError extends PlatformApiError {
  /** When the platform will accept calls again; filled in by the HTTP kernel from headers when known. */
  resetAt?: Date;

  constructor(options: RateLimitErrorOptions) {
    super({
      ...options,
      status: options.status ?? 429,
      code: options.code ?? 'rate_limited',
      retryable: options.retryable ?? true,
      message: options.message ?? rateLimitMessage(options),
    });
    if (options.resetAt !== undefined) this.resetAt = options.resetAt;
  }

  /** Tells whether `value` is a {@link RateLimitError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is RateLimitError {
    return hasErrorMarker(value, 'RateLimitError');
  }
}

/** Tells whether an HTTP status is worth retrying by default: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

markErrorClass(PlatformApiError, 'PlatformApiError');
markErrorClass(RateLimitError, 'RateLimitError');

function defaultMessage(options: PlatformApiErrorOptions): string {
  const code = options.platformCode === undefined ? '' : ` (platform code ${String(options.platformCode)})`;
  const what = options.status === 0 ? 'no response' : `HTTP ${options.status}`;
  return `${options.platform} API call failed: ${what}${code}.`;
}

function rateLimitMessage(options: RateLimitErrorOptions): string {
  const until = options.resetAt === undefined ? '' : ` until ${options.resetAt.toISOString()}`;
  return `${options.platform} rate limit reached; calls are refused${until}. Wait for the reset or lower the call rate.`;
}
