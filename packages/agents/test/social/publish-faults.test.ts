import type {
  GrowthEventPayload,
  Repository,
  RepositoryDefinition,
  SocialPost,
  Store,
} from '@growthhub/core';
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

/** Says whether a call to `method` of the repository `repository` should throw a store error. */
type FaultPlan = (repository: string, method: string, args: unknown[]) => boolean;

/** A memory store whose repositories throw `Error('store unavailable')` whenever `plan()` says so. */
function faultyStore(plan: () => FaultPlan | undefined): Store {
  const inner = memoryStore();
  return new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== 'repository') return typeof value === 'function' ? value.bind(target) : value;
      return <T>(definition: RepositoryDefinition<T>): Repository<T> =>
        new Proxy(target.repository(definition), {
          get(repo, name) {
            const member = Reflect.get(repo, name);
            if (typeof member !== 'function') return member;
            return (...args: unknown[]) => {
              if (plan()?.(definition.name, String(name), args)) {
                return Promise.reject(new Error('store unavailable (api_key=sk-live-123)'));
              }
              return member.apply(repo, args);
            };
          },
        });
    },
  });
}

const MAX_PUBLISH_ATTEMPTS = 4;

/** An autopilot world over `store` with one planned X post; records `post.published` and `post.failed`. */
async function onePostWorld(store: Store) {
  const started = await startXWorld({
    mode: 'autopilot',
    store,
    engine: { social: { maxPublishAttempts: MAX_PUBLISH_ATTEMPTS, retryBaseDelayMs: 1_000 } },
  });
  world = started;
  await started.connect();
  const published: GrowthEventPayload<'post.published'>[] = [];
  const failures: GrowthEventPayload<'post.failed'>[] = [];
  started.engine.events.on('post.published', (event) => published.push(event));
  started.engine.events.on('post.failed', (event) => failures.push(event));
  await started.engine.start();
  const plan = await started.engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
  return { world: started, post: plan.posts[0]!, published, failures };
}

/** Runs the engine's jobs through `steps` ten-minute steps of the manual clock, from the post's slot. */
async function runFor(w: XWorld, post: SocialPost, steps = 30): Promise<void> {
  const jobs = w.engine.jobs as InProcessJobRunner;
  await w.clock.advanceTo(post.scheduledAt!);
  await jobs.idle();
  for (let step = 0; step < steps; step++) {
    await w.clock.advance(10 * 60_000);
    await jobs.idle();
  }
}

const creates = (w: XWorld) =>
  w.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');

describe('the publish job recovers from its own store and vault errors', () => {
  it('publishes a post once after the post read failed more times than the runner retries', async () => {
    let failuresLeft = 0;
    const store = faultyStore(() => (repository, method) => {
      if (repository !== socialPostRepository.name || method !== 'update' || failuresLeft === 0) return false;
      failuresLeft--;
      return true;
    });
    const { world: w, post, published, failures } = await onePostWorld(store);
    failuresLeft = MAX_PUBLISH_ATTEMPTS - 1;

    await runFor(w, post);
    expect(failuresLeft).toBe(0);
    const settled = await w.engine.social.getPost(post.id);
    expect(settled.status).toBe('published');
    expect(settled.attempts.map((attempt) => attempt.outcome)).toEqual(['succeeded']);
    expect(creates(w)).toHaveLength(1);
    expect(w.emulator.posts()).toHaveLength(1);
    expect(published).toHaveLength(1);
    expect(failures).toHaveLength(0);
  });

  it('fails the post retryably after maxPublishAttempts faults, and publishes it once when retried', async () => {
    let vaultDown = false;
    const store = faultyStore(() => (repository) => vaultDown && repository === 'connections');
    const { world: w, post, published, failures } = await onePostWorld(store);
    vaultDown = true;

    await runFor(w, post);
    const failed = await w.engine.social.getPost(post.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'publish_internal_error',
      retryable: true,
    });
    expect(failed.attempts[0]?.errorMessage).toContain('store unavailable');
    expect(failed.attempts[0]?.errorMessage).not.toContain('sk-live-123');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      postId: post.id,
      retryable: true,
      error: { code: 'publish_internal_error' },
    });
    expect(creates(w)).toHaveLength(0);

    vaultDown = false;
    await w.engine.social.publishNow(post.id, { storeId: KILN_STORE_ID });
    await runFor(w, post, 2);
    const retried = await w.engine.social.getPost(post.id);
    expect(retried.status).toBe('published');
    expect(retried.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'succeeded']);
    expect(creates(w)).toHaveLength(1);
    expect(published).toHaveLength(1);
  });

  it('reconciles a post failed while its outcome was unknown instead of sending it again', async () => {
    let vaultDown = false;
    const store = faultyStore(() => (repository) => vaultDown && repository === 'connections');
    const { world: w, post, published, failures } = await onePostWorld(store);
    // X creates the post, then the connection drops before the answer arrives: the outcome is unknown.
    w.emulator.faults.enqueue({
      kind: 'drop',
      match: { method: 'POST', path: '/2/tweets' },
      afterHandler: true,
    });
    await runFor(w, post, 0);
    expect((await w.engine.social.getPost(post.id)).attempts[0]?.outcome).toBe('unknown');
    vaultDown = true;

    await runFor(w, post);
    const failed = await w.engine.social.getPost(post.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({
      outcome: 'unknown',
      errorCode: 'publish_internal_error',
      retryable: true,
    });
    expect(failures.map((failure) => failure.retryable)).toEqual([true, true]);
    expect(creates(w)).toHaveLength(1);

    vaultDown = false;
    await w.engine.social.publishNow(post.id, { storeId: KILN_STORE_ID });
    await runFor(w, post, 2);
    const settled = await w.engine.social.getPost(post.id);
    expect(settled.status).toBe('published');
    expect(settled.platformPostId).toBe(w.emulator.posts()[0]?.id);
    expect(settled.attempts.map((attempt) => attempt.outcome)).toEqual(['succeeded']);
    expect(creates(w)).toHaveLength(1);
    expect(w.emulator.posts()).toHaveLength(1);
    expect(published).toHaveLength(1);
  });
});
