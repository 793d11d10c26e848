import type { PlatformAdapter, SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { describe, expect, it } from 'vitest';
import { socialPostRepository } from '../../src/social/index';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startPlanningWorld } from './support/planning-world';
import { standInAdapter } from './support/stand-in-platforms';

describe('edit while a publish job claims the post', () => {
  it('refuses the edit and keeps the claim instead of writing back the copy it read', async () => {
    let duringValidate: (() => Promise<void>) | undefined;
    const inner = x({
      clientId: 'growthhub-x-client',
      clientSecret: 'growthhub-x-secret',
      redirectUri: 'http://localhost:3000/callback/x',
    });
    // The X adapter, with a hook in validate(): the moment between edit's read and its write.
    const hooked: PlatformAdapter = {
      ...inner,
      social: (ctx) => {
        const publisher = inner.social(ctx);
        return {
          ...publisher,
          validate: async (post: SocialPost) => {
            await duringValidate?.();
            return publisher.validate(post);
          },
        };
      },
    };
    const { engine, store } = await startPlanningWorld({
      engine: {
        platforms: [hooked, standInAdapter('meta')],
        mode: 'autopilot',
      },
    });
    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
      channels: ['x'],
    });
    const post = plan.posts[0]!;
    expect(post.status).toBe('scheduled');

    const posts = store.repository(socialPostRepository);
    duringValidate = async () => {
      duringValidate = undefined;
      // What the publish job's claim writes: `publishing` with an attempt whose outcome is unknown.
      await posts.update(post.id, (current) => ({
        ...current,
        status: 'publishing',
        attempts: [{ attempt: 1, startedAt: current.updatedAt, outcome: 'unknown' }],
      }));
    };

    await expect(engine.social.edit(post.id, { caption: 'A late change.' })).rejects.toThrow(ValidationError);
    const after = await engine.social.getPost(post.id);
    expect(after.status).toBe('publishing');
    expect(after.attempts).toHaveLength(1);
    expect(after.caption).toBe(post.caption);
  });
});
