import type { JobContext, JobData, PublishAttempt, SocialPost } from '@growthhub/core';
import { redactSecrets } from '@growthhub/core';
import { emitFailed } from './publish-events';
import { closeLast, UnclaimedPost } from './publish-record-changes';
import type { SocialContext } from './social-context';

/** Error code of the attempt recorded when internal faults (store, token vault) stopped a publish. */
export const PUBLISH_INTERNAL_ERROR = 'publish_internal_error';

/** Longest wait between two runs of a faulting publish job (one hour). */
const MAX_FAULT_DELAY_MS = 3_600_000;

/**
 * Handles an error the publish job threw itself (a store or token-vault failure, not the platform's
 * answer, which the job classifies on its own), so a post is never left `scheduled` or `publishing`
 * without a job:
 *
 * - The job counts its faults in its data (`faults`; any other re-scheduling of the job resets it)
 *   and re-schedules itself after `retryBaseDelayMs`, doubling per fault, capped at one hour.
 * - The `maxPublishAttempts`-th fault fails the post, retryably, with an attempt recorded (code
 *   {@link PUBLISH_INTERNAL_ERROR}, redacted message) and `post.failed`, so `publishNow` or
 *   `reschedule` can retry it. A post that was `publishing` keeps its last attempt's `unknown`
 *   outcome, so the retried run reconciles it with the platform before anything is sent again.
 *
 * When even that write (or the re-scheduling) fails, the original error is thrown: the job runner's
 * own retries and its `onError` report stay the last resort.
 */
export async function recoverFromFault(
  context: SocialContext,
  job: JobContext,
  error: unknown,
): Promise<void> {
  const data = (job.data ?? {}) as { readonly [key: string]: JobData };
  if (typeof data.postId !== 'string') throw error;
  const faults = (typeof data.faults === 'number' ? data.faults : 0) + 1;
  const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 500);
  context.logger.warn('The publish job hit an internal error', {
    postId: data.postId,
    faults,
    error: message,
  });
  const now = context.clock.now();
  if (faults < context.settings.maxPublishAttempts) {
    const delay = Math.min(context.settings.retryBaseDelayMs * 2 ** (faults - 1), MAX_FAULT_DELAY_MS);
    try {
      await context.jobs.schedule(
        { id: job.id, name: job.name, data: { ...data, faults } },
        new Date(now.getTime() + delay),
      );
    } catch {
      throw error;
    }
    return;
  }
  const failure = {
    code: PUBLISH_INTERNAL_ERROR,
    message: `Publishing stopped after ${faults} internal errors (store or token vault, not the platform); the last: ${message}`,
  };
  let failed: SocialPost | undefined;
  try {
    failed = await failFaultedPost(context, data.postId, failure, now.toISOString());
  } catch {
    throw error;
  }
  if (failed !== undefined) emitFailed(context, failed, failure, true);
}

/**
 * `scheduled | publishing → failed` with a retryable attempt: a new one for a `scheduled` post (its
 * claim and failure in one write), or the last one, outcome still `unknown`, for a `publishing` post.
 * `undefined` when the post has left those states meanwhile (nothing is written).
 */
async function failFaultedPost(
  context: SocialContext,
  postId: string,
  failure: { readonly code: string; readonly message: string },
  now: string,
): Promise<SocialPost | undefined> {
  try {
    return await context.posts.update(postId, (current) => {
      if (current.status !== 'scheduled' && current.status !== 'publishing') throw new UnclaimedPost(current);
      const record = {
        finishedAt: now,
        errorCode: failure.code,
        errorMessage: failure.message,
        retryable: true,
      };
      const pending = current.status === 'publishing' && current.attempts.at(-1)?.outcome === 'unknown';
      const attempts: PublishAttempt[] = pending
        ? closeLast(current.attempts, record)
        : [
            ...current.attempts,
            { attempt: current.attempts.length + 1, startedAt: now, outcome: 'failed', ...record },
          ];
      return { ...current, status: 'failed', attempts, updatedAt: now };
    });
  } catch (caught) {
    if (caught instanceof UnclaimedPost) return undefined;
    throw caught;
  }
}
