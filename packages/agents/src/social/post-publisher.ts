import type { Connection, JobContext, PublishedPostRef, SocialPost, SocialPublisher } from '@growthhub/core';
import { AuthError } from '@growthhub/core';
import { emitFailed, emitPublishing } from './publish-events';
import { classifyPublishFailure, type PublishFailure } from './publish-failure';
import { recoverFromFault } from './publish-fault';
import { closeLast, countedAttempts, UnclaimedPost, updateIfStatus } from './publish-record-changes';
import { publishJob, type SocialContext } from './social-context';

/** How far before an unknown attempt `findPublished` looks, to allow for clock skew. */
const RECONCILE_SKEW_MS = 5 * 60_000;

/**
 * The publish job of one post, run by the job runner at the post's slot (the runner's lease makes it
 * the only run of this post):
 *
 * 1. A post left `publishing` by a crash or an unknown outcome is reconciled first: with a processing
 *    handle its status is polled; otherwise `findPublished` asks the platform, and a post found there
 *    is marked `published` without sending anything. Only a post the platform does not have is sent again.
 * 2. The claim: `scheduled → publishing` with a new attempt whose outcome is `unknown`, stored before
 *    the call, then `post.publishing`.
 * 3. The call: `published` with the platform id and URL (`post.published`), or `processing` (polled
 *    later by the same job, `post.processing`).
 * 4. Failures: permanent ones (`AuthError`, rule violations) fail the post; rate limits and failures
 *    the platform did not act on go back to `scheduled` and retry; unknown outcomes stay
 *    `publishing` and are reconciled on the next run. Every attempt is kept in the post's history and
 *    each step emits an event.
 * 5. Internal faults (a store or token-vault error, not the platform's answer) re-schedule the job
 *    with backoff and, after `maxPublishAttempts` of them, fail the post retryably (see
 *    {@link recoverFromFault}); a post failed while its outcome was unknown is reconciled before any
 *    resend when it is retried.
 */
export async function runPublishJob(context: SocialContext, job: JobContext): Promise<void> {
  try {
    await publishOnce(context, job);
  } catch (error) {
    if (job.signal.aborted) throw error;
    await recoverFromFault(context, job, error);
  }
}

/** One run of the publish job; any error it throws is an internal fault. */
async function publishOnce(context: SocialContext, job: JobContext): Promise<void> {
  const postId = (job.data as { postId?: unknown } | null)?.postId;
  if (typeof postId !== 'string') return;
  const opened = await openPost(context, postId, job.signal);
  if (opened === undefined) return;
  let { post } = opened;
  if (opened.publisher === undefined) {
    const { connection } = opened;
    const error = new AuthError({
      platform: connection?.platform ?? post.channel,
      connectionId: post.connectionId,
      code: 'auth_expired',
      message: `The connection ${post.connectionId} is ${connection?.status ?? 'gone'}; reconnect the account to publish.`,
    });
    await finishFailed(context, post, classifyPublishFailure(error));
    return;
  }
  const { publisher } = opened;

  if (post.status === 'publishing' && !opened.claimed) {
    let settled: SocialPost | undefined;
    try {
      settled = await reconcile(context, publisher, post, job);
    } catch (error) {
      if (job.signal.aborted) throw error;
      // Asking the platform failed: the outcome is still unknown, so keep the post and ask again later.
      const failure = classifyPublishFailure(error);
      await handleFailure(
        context,
        post,
        failure.action === 'fail' ? failure : { ...failure, action: 'reconcile' },
      );
      return;
    }
    if (settled === undefined) return;
    post = settled;
  }
  if (post.status === 'scheduled') {
    const claimed = await claim(context, post);
    if (claimed === undefined) return;
    post = claimed;
  }

  try {
    const result = await publisher.publish(post, { idempotencyKey: post.idempotencyKey, signal: job.signal });
    if (result.status === 'published') await finishPublished(context, publisher, post, result);
    else await awaitProcessing(context, post, result.handle, result.checkAfter);
  } catch (error) {
    if (job.signal.aborted) throw error;
    await handleFailure(context, post, classifyPublishFailure(error));
  }
}

/**
 * What {@link openPost} found: the post, its connection and a publisher (`undefined` when the
 * connection is gone, expired or revoked), and whether this read also claimed the post.
 */
interface OpenedPost {
  readonly post: SocialPost;
  readonly connection: Connection | undefined;
  readonly publisher: SocialPublisher | undefined;
  readonly claimed: boolean;
}

/**
 * Reads the post once, under its record lock: a `scheduled` post is claimed in the same update (after
 * its connection is looked up and its publisher built, so a failure there leaves it `scheduled`); a
 * post in any other status is left unwritten. `undefined` when there is nothing to publish. A
 * `scheduled` post whose last attempt is still `unknown` (failed by internal faults mid-publish, then
 * retried) goes back to `publishing` without a new attempt, unclaimed, so it is reconciled first.
 */
async function openPost(
  context: SocialContext,
  postId: string,
  signal: AbortSignal,
): Promise<OpenedPost | undefined> {
  let opened: Omit<OpenedPost, 'post' | 'claimed'> | undefined;
  let now = '';
  let post: SocialPost | undefined;
  let unsettled = false;
  try {
    post = await context.posts.update(postId, async (current) => {
      if (current.status !== 'scheduled') throw new UnclaimedPost(current);
      opened = await connect(context, current, signal);
      now = context.clock.now().toISOString();
      unsettled = current.attempts.at(-1)?.outcome === 'unknown';
      return unsettled ? { ...current, status: 'publishing', updatedAt: now } : claimedRecord(current, now);
    });
  } catch (error) {
    if (!(error instanceof UnclaimedPost)) throw error;
    const current = error.post;
    if (current.status !== 'publishing') return undefined;
    return { post: current, claimed: false, ...(await connect(context, current, signal)) };
  }
  if (post === undefined || opened === undefined) return undefined;
  if (unsettled) return { post, claimed: false, ...opened };
  emitPublishing(context, post, now);
  return { post, claimed: true, ...opened };
}

/** The post's connection and, when it is usable, a publisher for the post's account. */
async function connect(
  context: SocialContext,
  post: SocialPost,
  signal: AbortSignal,
): Promise<Omit<OpenedPost, 'post' | 'claimed'>> {
  const connection = await context.platforms.connection(post.connectionId);
  if (connection === undefined || connection.status === 'expired' || connection.status === 'revoked')
    return { connection, publisher: undefined };
  return { connection, publisher: context.platforms.publisher(connection, post.accountId, signal) };
}

/** Settles a post left `publishing`; returns the post to send again, or `undefined` when settled. */
async function reconcile(
  context: SocialContext,
  publisher: SocialPublisher,
  post: SocialPost,
  job: JobContext,
): Promise<SocialPost | undefined> {
  if (post.processingHandle !== undefined) {
    const status = await publisher.getPublishStatus(post.processingHandle, { signal: job.signal });
    if (status.status === 'published') await finishPublished(context, publisher, post, status);
    else if (status.status === 'processing')
      await awaitProcessing(context, post, status.handle, status.checkAfter);
    else {
      const failure: PublishFailure = status.retryable
        ? { action: 'retry', code: status.code, message: status.message, counts: true }
        : { action: 'fail', code: status.code, message: status.message };
      await handleFailure(context, post, failure);
    }
    return undefined;
  }
  const last = post.attempts.at(-1);
  const since = new Date(Date.parse(last?.startedAt ?? post.updatedAt) - RECONCILE_SKEW_MS).toISOString();
  const found = await publisher.findPublished(
    {
      idempotencyKey: post.idempotencyKey,
      contentHash: post.contentHash,
      post,
      accountId: post.accountId,
      since,
    },
    { signal: job.signal },
  );
  const match = found[0];
  if (match !== undefined) {
    await finishPublished(
      context,
      publisher,
      post,
      { platformPostId: match.platformPostId, url: match.url },
      match,
    );
    return undefined;
  }
  const now = context.clock.now().toISOString();
  const unsent = await context.posts.update(post.id, (current) => ({
    ...current,
    status: 'scheduled',
    attempts: closeLast(current.attempts, {
      outcome: 'failed',
      finishedAt: now,
      errorCode: 'not_on_platform',
      retryable: true,
    }),
    updatedAt: now,
  }));
  if (unsent !== undefined && countedAttempts(unsent) >= context.settings.maxPublishAttempts) {
    await finishFailed(context, unsent, {
      action: 'fail',
      code: 'attempts_exhausted',
      message: 'No attempt reached the platform.',
    });
    return undefined;
  }
  return unsent;
}

/**
 * `scheduled → publishing` with a new attempt (outcome `unknown`), stored before the call. Checked
 * under the record lock: a post that left `scheduled` meanwhile (cancelled, edited back to a draft) is
 * left as it is and `undefined` is returned, so nothing is sent.
 */
async function claim(context: SocialContext, post: SocialPost): Promise<SocialPost | undefined> {
  const now = context.clock.now().toISOString();
  const claimed = await updateIfStatus(context, post.id, 'scheduled', 'publishing', (current) =>
    claimedRecord(current, now),
  );
  if (claimed !== undefined) emitPublishing(context, claimed, now);
  return claimed;
}

/** The post `publishing`, with a new attempt whose outcome is `unknown`. */
function claimedRecord(current: SocialPost, now: string): SocialPost {
  return {
    ...current,
    status: 'publishing',
    attempts: [
      ...current.attempts,
      { attempt: current.attempts.length + 1, startedAt: now, outcome: 'unknown' as const },
    ],
    updatedAt: now,
  };
}

async function finishPublished(
  context: SocialContext,
  publisher: SocialPublisher,
  post: SocialPost,
  result: { platformPostId: string; url: string },
  reconciled?: PublishedPostRef,
): Promise<void> {
  const now = context.clock.now().toISOString();
  const published = (await context.posts.update(post.id, (current) => {
    const { processingHandle: _done, ...rest } = current;
    return {
      ...rest,
      status: 'published',
      platformPostId: result.platformPostId,
      url: result.url,
      publishedAt: reconciled?.publishedAt ?? now,
      attempts: closeLast(current.attempts, {
        outcome: 'succeeded',
        finishedAt: now,
        platformPostId: result.platformPostId,
      }),
      updatedAt: now,
    };
  })) as SocialPost;
  context.events.emit('post.published', {
    at: now,
    storeId: published.storeId,
    postId: published.id,
    channel: published.channel,
    platformPostId: result.platformPostId,
    url: result.url,
  });
  if (published.firstComment !== undefined && publisher.comment !== undefined) {
    await publisher.comment(result.platformPostId, { text: published.firstComment }).catch((error) =>
      context.logger.warn('The first comment could not be added', {
        postId: post.id,
        error: String(error),
      }),
    );
  }
}

async function awaitProcessing(
  context: SocialContext,
  post: SocialPost,
  handle: string,
  checkAfter?: string,
): Promise<void> {
  const now = context.clock.now();
  await context.posts.update(post.id, (current) => ({
    ...current,
    processingHandle: handle,
    updatedAt: now.toISOString(),
  }));
  const hinted = checkAfter === undefined ? Number.NaN : Date.parse(checkAfter);
  const next = Number.isNaN(hinted)
    ? now.getTime() + context.settings.processingPollMs
    : Math.max(hinted, now.getTime());
  await context.jobs.schedule(publishJob(post), new Date(next));
  context.events.emit('post.processing', {
    at: now.toISOString(),
    storeId: post.storeId,
    postId: post.id,
    channel: post.channel,
  });
}

async function handleFailure(
  context: SocialContext,
  post: SocialPost,
  failure: PublishFailure,
): Promise<void> {
  if (failure.action === 'fail') return finishFailed(context, post, failure);
  const now = context.clock.now();
  const attempts = countedAttempts(post);
  if (failure.action === 'retry' && failure.counts && attempts >= context.settings.maxPublishAttempts) {
    return finishFailed(context, post, failure);
  }
  const backoff = Math.min(context.settings.retryBaseDelayMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
  const retryAt =
    failure.action === 'retry' && failure.retryAt !== undefined
      ? new Date(Math.max(failure.retryAt.getTime() + 1_000, now.getTime()))
      : new Date(now.getTime() + backoff);
  const target = failure.action === 'retry' ? 'scheduled' : 'publishing';
  const updated = await updateIfStatus(context, post.id, 'publishing', target, (current) => {
    const { processingHandle: _dropped, ...rest } = current;
    return {
      ...(failure.action === 'retry' ? rest : current),
      status: failure.action === 'retry' ? 'scheduled' : 'publishing',
      ...(failure.action === 'retry' ? { scheduledAt: retryAt.toISOString() } : {}),
      attempts: closeLast(current.attempts, {
        outcome: failure.action === 'retry' ? 'failed' : 'unknown',
        ...(failure.action === 'retry' ? { finishedAt: now.toISOString() } : {}),
        errorCode: failure.code.slice(0, 128),
        errorMessage: failure.message,
        retryable: true,
      }),
      updatedAt: now.toISOString(),
    };
  });
  if (updated === undefined) return;
  await context.jobs.schedule(publishJob(post), retryAt);
  emitFailed(context, updated, failure, true);
}

async function finishFailed(
  context: SocialContext,
  post: SocialPost,
  failure: PublishFailure,
): Promise<void> {
  const now = context.clock.now().toISOString();
  const failed = (await context.posts.update(post.id, (current) => {
    const { processingHandle: _dropped, ...rest } = current;
    return {
      ...rest,
      status: 'failed',
      attempts: closeLast(current.attempts, {
        outcome: 'failed',
        finishedAt: now,
        errorCode: failure.code.slice(0, 128),
        errorMessage: failure.message,
        retryable: false,
      }),
      updatedAt: now,
    };
  })) as SocialPost;
  emitFailed(context, failed, failure, false);
}
