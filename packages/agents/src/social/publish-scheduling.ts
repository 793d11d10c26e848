import type { SocialPost } from '@growthhub/core';
import { publishJob, publishJobId, type SocialContext } from './social-context';

/**
 * Hands scheduled posts to the job runner (one job per post, id `publish:<postId>`, due at the
 * post's `scheduledAt`; scheduling again replaces the job) and emits `post.scheduled` for each.
 */
export async function schedulePublishing(
  context: SocialContext,
  posts: readonly SocialPost[],
): Promise<void> {
  for (const post of posts) {
    if (post.scheduledAt === undefined) continue;
    await context.jobs.schedule(publishJob(post), new Date(post.scheduledAt));
    context.events.emit('post.scheduled', {
      at: context.clock.now().toISOString(),
      storeId: post.storeId,
      postId: post.id,
      channel: post.channel,
      scheduledAt: post.scheduledAt,
    });
  }
}

/** Removes a post's publish job, if any. */
export async function unschedulePublishing(context: SocialContext, postId: string): Promise<void> {
  await context.jobs.cancel(publishJobId(postId));
}
