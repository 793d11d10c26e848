import { AuthError, GrowthError, PlatformApiError } from '@growthhub/core';

const MARKER = Symbol.for('growthhub.error.ThreadInterruptedError');

/** Options for {@link ThreadInterruptedError}. */
export interface ThreadInterruptedErrorOptions {
  /** Ids of the posts already on X, in thread order. */
  readonly postedIds: readonly string[];
  /** Zero-based index of the part that failed (1 = the first reply). */
  readonly failedPart: number;
  /** Why that part failed. */
  readonly cause: unknown;
  /** Whether X may have posted the failed part anyway (default: judged from `cause`, see {@link threadPartOutcome}). */
  readonly outcome?: ThreadPartOutcome;
}

/**
 * What is known about the part that failed: `'not_posted'` when X refused it or it was never sent,
 * `'unknown'` when the request may have reached X (a timeout, a 5xx, a connection reset after sending).
 */
export type ThreadPartOutcome = 'unknown' | 'not_posted';

/**
 * A thread stopped part-way: the first `postedIds.length` posts are on X; the parts after `failedPart`
 * are not. Never retried as a whole (that would post the first parts twice). The original failure is
 * the `cause`.
 *
 * When `outcome` is `'not_posted'`, continue the thread as a reply to the last posted id. When it is
 * `'unknown'` (a timeout, a 5xx or a reset after the request was sent), X may have posted the failed
 * part: reconcile with `findPublished` first (look for the part as a reply to the last posted id), or
 * continuing would post that part twice.
 */
export class ThreadInterruptedError extends PlatformApiError {
  /** Ids of the posts already on X, in thread order. */
  readonly postedIds: readonly string[];
  /** Zero-based index of the part that failed. */
  readonly failedPart: number;
  /** Whether the failed part may be on X anyway; `'unknown'` means reconcile before continuing. */
  readonly outcome: ThreadPartOutcome;

  constructor(options: ThreadInterruptedErrorOptions) {
    const cause = options.cause;
    const outcome = options.outcome ?? threadPartOutcome(cause);
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
      details: { postedIds: [...options.postedIds], failedPart: options.failedPart, outcome },
      message: `The X thread stopped at part ${options.failedPart + 1}: ${options.postedIds.length} post(s) are published (${options.postedIds.join(', ')}). ${
        outcome === 'unknown'
          ? `Part ${options.failedPart + 1} may have been posted anyway (no clear answer from X): reconcile with findPublished (a reply to ${options.postedIds.at(-1)}) before continuing, or it may be posted twice.`
          : `Continue the thread as a reply to ${options.postedIds.at(-1)} rather than publishing it again.`
      }`,
      cause,
    });
    this.postedIds = [...options.postedIds];
    this.failedPart = options.failedPart;
    this.outcome = outcome;
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

/**
 * Judges from the failure of a thread part's post request whether X may have posted it: a definite
 * refusal (a 4xx other than 408, an auth or validation error, a request never sent) is `'not_posted'`;
 * a timeout, a 408/5xx, a network failure after sending, or anything unrecognised is `'unknown'`.
 */
export function threadPartOutcome(cause: unknown): ThreadPartOutcome {
  if (PlatformApiError.isInstance(cause)) {
    if (cause.platformDidNotAct || cause.code === 'request_failed') return 'not_posted';
    if (cause.status === 0 || cause.status === 408 || cause.status >= 500) return 'unknown';
    return 'not_posted';
  }
  return GrowthError.isInstance(cause) ? 'not_posted' : 'unknown';
}
