import type { Repository, RepositoryDefinition, SocialPost, Store } from '@growthhub/core';
import { memoryStore } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { InProcessJobRunner } from '../../src/jobs/in-process-job-runner';
import { socialPostRepository } from '../../src/social/index';
import { KILN_STORE_ID } from './support/kiln-catalog';
import { startXWorld, type XWorld } from './support/x-world';

let world: XWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A memory store whose post repository calls `afterUpdate` once each post update is stored. */
function storeWithPostHook(afterUpdate: (post: SocialPost | undefined) => Promise<void>): Store {
  const inner = memoryStore();
  return new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== 'repository') return typeof value === 'function' ? value.bind(target) : value;
      return <T>(definition: RepositoryDefinition<T>): Repository<T> => {
        const repository = target.repository(definition);
        if (definition.name !== socialPostRepository.name) return repository;
        return new Proxy(repository, {
          get(repo, name) {
            const member = Reflect.get(repo, name);
            if (name !== 'update') return typeof member === 'function' ? member.bind(repo) : member;
            return async (...args: Parameters<Repository<T>['update']>) => {
              const updated = await repo.update(...args);
              await afterUpdate(updated as SocialPost | undefined);
              return updated;
            };
          },
        });
      };
    },
  });
}

const creates = (started: XWorld) =>
  started.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');

describe('publish job status changes are conditional on the status under the record lock', () => {
  it('does not send a post cancelled between the reconcile and the claim', async () => {
    let onUnsent: (() => Promise<void>) | undefined;
    const store = storeWithPostHook(async (post) => {
      const last = post?.attempts.at(-1);
      if (post?.status !== 'scheduled' || last?.errorCode !== 'not_on_platform' || onUnsent === undefined)
        return;
      const hook = onUnsent;
      onUnsent = undefined;
      await hook();
    });
    const started = await startXWorld({ mode: 'autopilot', store });
    world = started;
    await started.connect();
    await started.engine.start();
    const jobs = started.engine.jobs as InProcessJobRunner;
    const plan = await started.engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 1,
      postsPerDay: 1,
    });
    const post = plan.posts[0]!;
    // The first send fails without reaching X: the outcome is unknown, so the next run reconciles.
    started.emulator.faults.enqueue({
      kind: 'serverError',
      status: 503,
      match: { method: 'POST', path: '/2/tweets' },
    });
    await started.clock.advanceTo(post.scheduledAt!);
    await jobs.idle();
    expect((await started.engine.social.getPost(post.id)).status).toBe('publishing');

    // The reconcile finds nothing on X and puts the post back to `scheduled`; a cancel lands right then.
    onUnsent = async () => {
      await started.engine.social.cancel(post.id);
    };
    await started.clock.advance(10 * 60_000);
    await jobs.idle();

    const after = await started.engine.social.getPost(post.id);
    expect(onUnsent).toBeUndefined();
    expect(after.status).toBe('cancelled');
    expect(creates(started)).toHaveLength(1);
  });
});
