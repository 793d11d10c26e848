import { memoryStore, type Store } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { inProcessJobRunner, jobRepository, manualClock } from '../../src/jobs/index';

const T0 = '2026-03-02T08:00:00.000Z';

function at(offsetMs: number): Date {
  return new Date(Date.parse(T0) + offsetMs);
}

describe('inProcessJobRunner', () => {
  it('runs a job when the clock reaches its time, not before', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock });
    const runs: string[] = [];
    runner.define('greet', async ({ data }) => void runs.push(String(data)));
    await runner.start();
    await runner.schedule({ id: 'greet:1', name: 'greet', data: 'hello' }, at(60_000));

    await clock.advance(59_999);
    expect(runs).toEqual([]);
    await clock.advance(1);
    await runner.idle();
    expect(runs).toEqual(['hello']);
    expect(runner.stats().scheduled).toBe(0);
    await runner.stop();
  });

  it('fires after a restart what became due while the process was down', async () => {
    const store = memoryStore();
    const clock = manualClock(T0);
    const first = inProcessJobRunner({ store, clock });
    await first.schedule({ id: 'late', name: 'work', data: { n: 1 } }, at(1_000));
    await first.stop();

    await clock.advance(3_600_000); // down for an hour
    const second = inProcessJobRunner({ store, clock });
    const seen: unknown[] = [];
    second.define('work', async ({ data }) => void seen.push(data));
    await second.start();
    await second.idle();
    expect(seen).toEqual([{ n: 1 }]);
    await second.stop();
  });

  it('replaces a job scheduled again under the same id, so only the latest runs', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock });
    const runs: unknown[] = [];
    runner.define('publish', async ({ data }) => void runs.push(data));
    await runner.start();
    await runner.schedule({ id: 'publish:p1', name: 'publish', data: 'first' }, at(10_000));
    await runner.schedule({ id: 'publish:p1', name: 'publish', data: 'second' }, at(20_000));

    await clock.advance(15_000);
    expect(runs).toEqual([]);
    await clock.advance(10_000);
    await runner.idle();
    expect(runs).toEqual(['second']);
    await runner.stop();
  });

  it('keeps a replacement scheduled by the running job itself', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock });
    const attempts: number[] = [];
    runner.define('poll', async ({ data }) => {
      const n = Number(data);
      attempts.push(n);
      if (n < 3) await runner.schedule({ id: 'poll:x', name: 'poll', data: n + 1 }, at(n * 1_000));
    });
    await runner.start();
    await runner.schedule({ id: 'poll:x', name: 'poll', data: 1 }, at(0));
    await clock.advance(5_000);
    await runner.idle();
    expect(attempts).toEqual([1, 2, 3]);
    expect(runner.stats().scheduled).toBe(0);
    await runner.stop();
  });

  it('retries a failing handler with a doubling delay, then drops it and reports each failure', async () => {
    const clock = manualClock(T0);
    const failures: Array<{ attempt: number; willRetry: boolean }> = [];
    const runner = inProcessJobRunner({
      store: memoryStore(),
      clock,
      maxAttempts: 3,
      retryDelayMs: 1_000,
      onError: (_error, job) => failures.push({ attempt: job.attempt, willRetry: job.willRetry }),
    });
    const runTimes: number[] = [];
    runner.define('flaky', async () => {
      runTimes.push(clock.now().getTime() - Date.parse(T0));
      throw new Error('boom');
    });
    await runner.start();
    await runner.schedule({ id: 'flaky', name: 'flaky', data: null }, at(0));
    await runner.idle();
    for (const step of [999, 1, 1_999, 1, 10_000]) {
      await clock.advance(step);
      await runner.idle();
    }
    expect(runTimes).toEqual([0, 1_000, 3_000]);
    expect(failures).toEqual([
      { attempt: 1, willRetry: true },
      { attempt: 2, willRetry: true },
      { attempt: 3, willRetry: false },
    ]);
    expect(runner.stats().scheduled).toBe(0);
    await runner.stop();
  });

  it('does not run a job another live claim holds, and takes it over once that lease lapses', async () => {
    const store = memoryStore();
    const clock = manualClock(T0);
    await seedLeasedJob(store, { owner: 'worker-dead', leaseUntil: at(30_000) });

    const runner = inProcessJobRunner({ store, clock, instanceId: 'worker-2', leaseMs: 30_000 });
    const runs: number[] = [];
    runner.define('work', async ({ attempt }) => void runs.push(attempt));
    await runner.start();
    await clock.advance(29_000);
    expect(runs).toEqual([]);
    await clock.advance(2_000);
    await runner.idle();
    expect(runs).toEqual([2]);
    await runner.stop();
  });

  it('takes over its own instance id lease at once after a restart', async () => {
    const store = memoryStore();
    const clock = manualClock(T0);
    await seedLeasedJob(store, { owner: 'worker-1', leaseUntil: at(30_000) });

    const runner = inProcessJobRunner({ store, clock, instanceId: 'worker-1' });
    const runs: number[] = [];
    runner.define('work', async ({ attempt }) => void runs.push(attempt));
    await runner.start();
    await runner.idle();
    expect(runs).toEqual([2]);
    await runner.stop();
  });

  it('runs a recurring task every interval and, after downtime, once for the missed runs', async () => {
    const store = memoryStore();
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store, clock });
    let count = 0;
    await runner.every('sync', 60_000, async () => void count++);
    await runner.start();
    await clock.advance(60_000);
    await runner.idle();
    await clock.advance(60_000);
    await runner.idle();
    expect(count).toBe(2);
    await runner.stop();

    await clock.advance(10 * 60_000);
    const restarted = inProcessJobRunner({ store, clock });
    await restarted.every('sync', 60_000, async () => void count++);
    await restarted.start();
    await restarted.idle();
    expect(count).toBe(3);
    await restarted.stop();
  });

  it('cancels a scheduled job', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock });
    let ran = false;
    runner.define('work', async () => {
      ran = true;
    });
    await runner.start();
    await runner.schedule({ id: 'w', name: 'work', data: null }, at(1_000));
    expect(await runner.cancel('w')).toBe(true);
    expect(await runner.cancel('w')).toBe(false);
    await clock.advance(5_000);
    await runner.idle();
    expect(ran).toBe(false);
    await runner.stop();
  });

  it('runs one job per lane at a time, so a slow lane does not hold back the others', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock, concurrency: 4 });
    const order: string[] = [];
    let release: () => void = () => {};
    const slowLaneBlocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    runner.define('post', async ({ data }) => {
      const { lane, n } = data as { lane: string; n: number };
      order.push(`${lane}${n}`);
      if (lane === 'slow') await slowLaneBlocked;
    });
    for (let n = 0; n < 3; n++)
      await runner.schedule({ id: `slow${n}`, name: 'post', data: { lane: 'slow', n } }, at(0));
    for (let n = 0; n < 3; n++)
      await runner.schedule({ id: `fast${n}`, name: 'post', data: { lane: 'fast', n } }, at(0));
    await runner.start();
    for (let i = 0; i < 50 && order.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    // The slow lane has one job running (blocked); the fast lane went through all of its jobs meanwhile.
    expect(order).toEqual(['slow0', 'fast0', 'fast1', 'fast2']);
    release();
    await runner.idle();
    expect(order.slice(4)).toEqual(['slow1', 'slow2']);
    await runner.stop();
  });

  it('runs many due jobs concurrently up to its limit', async () => {
    const clock = manualClock(T0);
    const runner = inProcessJobRunner({ store: memoryStore(), clock, concurrency: 4 });
    let active = 0;
    let peak = 0;
    runner.define('work', async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
    });
    for (let i = 0; i < 20; i++) await runner.schedule({ id: `w${i}`, name: 'work', data: i }, at(0));
    await runner.start();
    await runner.idle();
    expect(peak).toBe(4);
    expect(runner.stats().scheduled).toBe(0);
    await runner.stop();
  });
});

async function seedLeasedJob(store: Store, lease: { owner: string; leaseUntil: Date }): Promise<void> {
  await store.repository(jobRepository).put({
    id: 'held',
    namespace: 'default',
    name: 'work',
    data: null,
    runAt: T0,
    attempt: 1,
    revision: 'r1',
    kind: 'once',
    lease: { owner: lease.owner, token: 't1', expiresAt: lease.leaseUntil.toISOString() },
    createdAt: T0,
    updatedAt: T0,
  });
}
