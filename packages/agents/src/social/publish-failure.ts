import {
  AuthError,
  GrowthError,
  PlatformApiError,
  QuotaExceededError,
  RateLimitError,
  redactSecrets,
  ValidationError,
} from '@growthhub/core';

/**
 * What to do after a publish call threw:
 * - `fail`: the error is permanent (auth, validation, a non-retryable platform error);
 * - `retry`: the platform provably did not act (rate limit, quota, `platformDidNotAct`), so the post
 *   goes back to `scheduled` and is sent again at `retryAt`;
 * - `reconcile`: the outcome is unknown (timeout, network error, 5xx): the post stays `publishing`
 *   and the next run asks the platform (`findPublished`) before anything is resent.
 */
export type PublishFailure =
  | { readonly action: 'fail'; readonly code: string; readonly message: string }
  | {
      readonly action: 'retry';
      readonly code: string;
      readonly message: string;
      readonly retryAt?: Date;
      readonly counts: boolean;
    }
  | { readonly action: 'reconcile'; readonly code: string; readonly message: string };

/** Classifies a publish error; see {@link PublishFailure}. Messages are redacted. */
export function classifyPublishFailure(error: unknown): PublishFailure {
  const code = GrowthError.isInstance(error) ? String(error.code) : 'unexpected_error';
  const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (AuthError.isInstance(error) || ValidationError.isInstance(error))
    return { action: 'fail', code, message };
  if (RateLimitError.isInstance(error)) {
    return {
      action: 'retry',
      code,
      message,
      counts: false,
      ...(error.resetAt ? { retryAt: error.resetAt } : {}),
    };
  }
  if (QuotaExceededError.isInstance(error)) {
    return {
      action: 'retry',
      code,
      message,
      counts: false,
      ...(error.resetAt ? { retryAt: error.resetAt } : {}),
    };
  }
  if (PlatformApiError.isInstance(error)) {
    if (error.platformDidNotAct)
      return error.retryable
        ? { action: 'retry', code, message, counts: true }
        : { action: 'fail', code, message };
    if (!error.retryable) return { action: 'fail', code, message };
    return { action: 'reconcile', code, message };
  }
  if (GrowthError.isInstance(error)) return { action: 'fail', code, message };
  // Anything else (a bug, a dropped socket inside an adapter) may have reached the platform.
  return { action: 'reconcile', code, message };
}
