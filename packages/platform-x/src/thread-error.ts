import { AuthError, PlatformApiError } from '@growthhub/core';

const MARKER = Symbol.for('growthhub.error.ThreadInterruptedError');

/** Options for {@link ThreadInterruptedError}. */
export interface ThreadInterruptedErrorOptions {
  /** Ids of the posts already on X, in thread order. */
  readonly postedIds: readonly string[];
  /** Zero-based index of the part that failed (1 = the first reply). */
  readonly failedPart: number;
  /** Why that part failed. */
  readonly cause: unknown;
}

/**
 * A thread stopped part-way: the first `postedIds.length` posts are on X, the part at `failedPart`
 * and those after it are not. Never retried as a whole (that would post the first parts twice);
 * continue from the last posted id instead. The original failure is the `cause`.
 */
export class ThreadInterruptedError extends PlatformApiError {
  /** Ids of the posts already on X, in thread order. */
  readonly postedIds: readonly string[];
  /** Zero-based index of the part that failed. */
  readonly failedPart: number;

  constructor(options: ThreadInterruptedErrorOptions) {
    const cause = options.cause;
    const status = PlatformApiError.isInstance(cause)
      ? cause.status
      : AuthError.isInstance(cause)
        ? (cause.status ?? 0)
        : 0;
    super({
      platform: 'x',
      status,
      code: 'x_thread_interrupted',
      retryable: false,
      platformDidNotAct: false,
      ...(PlatformApiError.isInstance(cause) && cause.platformCode !== undefined
        ? { platformCode: cause.platformCode }
        : {}),
      ...(PlatformApiError.isInstance(cause) && cause.requestId !== undefined
        ? { requestId: cause.requestId }
        : {}),
      details: { postedIds: [...options.postedIds], failedPart: options.failedPart },
      message: `The X thread stopped at part ${options.failedPart + 1}: ${options.postedIds.length} post(s) are published (${options.postedIds.join(', ')}). Continue the thread as a reply to ${options.postedIds.at(-1)} rather than publishing it again.`,
      cause,
    });
    this.postedIds = [...options.postedIds];
    this.failedPart = options.failedPart;
  }

  /** Tells whether `value` is a {@link ThreadInterruptedError} from any copy of this package. */
  static override isInstance(value: unknown): value is ThreadInterruptedError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

Object.defineProperty(ThreadInterruptedError.prototype, 'name', {
  value: 'ThreadInterruptedError',
  configurable: true,
  writable: true,
});
Object.defineProperty(ThreadInterruptedError.prototype, MARKER, { value: true });
