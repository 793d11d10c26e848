import { randomUUID } from 'node:crypto';
import type { Job, JobHandler, JobRunner, Logger, Store } from '@growthhub/core';
import { ConfigError, silentLogger, ValidationError } from '@growthhub/core';
import { type Clock, type ClockTimer, systemClock } from './clock';
import { JobLedger, type RunOutcome } from './job-ledger';
import type { JobRecord } from './job-record';
import { JobTimeline, type TimelineEntry } from './job-timeline';

/** Options of {@link inProcessJobRunner}. */
export interface InProcessJobRunnerOptions {
  /** Where jobs are persisted: use the engine's store so a restart loses nothing. */
  store: Store;
  /** Source of time and timers (default: the real clock). */
  clock?: Clock;
  /** Redacting logger (default: silent). */
  logger?: Logger;
  /** Separates the jobs of several runners sharing one store (default `default`). */
  namespace?: string;
  /**
   * This runner's identity in leases. Give a stable id per worker (e.g. the host name) so that after a
   * crash the restarted worker takes over its own leases at once instead of waiting for them to lapse.
   * Default: random per process.
   */
  instanceId?: string;
  /** How long a claim holds without a heartbeat (default 30 s); heartbeats extend it every third of that. */
  leaseMs?: number;
  /** Most jobs running at once (default 64). */
  concurrency?: number;
  /**
   * Most jobs of one lane running at once (default 1). A job joins a lane when its data has a string
   * `lane` (the Social Agent uses the account), so one account waiting out a rate limit holds one
   * slot, never all of them, and accounts take turns fairly.
   */
  laneConcurrency?: number;
  /** Runs of a one-off job whose handler throws, before it is dropped (default 3). */
  maxAttempts?: number;
  /** First delay before re-running a job whose handler threw; doubles per attempt (default 30 s). */
  retryDelayMs?: number;
  /** Told about every handler failure (the engine turns these into `engine.error` events). */
  onError?: (error: unknown, job: { id: string; name: string; attempt: number; willRetry: boolean }) => void;
}

/** The in-process {@link JobRunner}, with a way to wait for quiet (tests, scripts, benchmarks). */
export interface InProcessJobRunner extends JobRunner {
  /** The id this runner writes into leases. */
  readonly instanceId: string;
  /** Resolves once nothing is running and nothing is due (jobs due later do not count). */
  idle(): Promise<void>;
  /** How many jobs are known (due now or later), and how many run right now. */
  stats(): { scheduled: number; running: number };
}

/**
 * The default {@link JobRunner}: runs jobs in this process, persisted in the {@link Store}.
 *
 * - A job is a store record, so a restart loses nothing; on `start()` every record is loaded and what
 *   became due while the process was down runs at once (a recurring task runs once, not once per
 *   missed interval).
 * - Time ordering lives here, in memory: one timer for the earliest due job, never store scans.
 * - Before running, a job is claimed with a lease (an atomic store update); a heartbeat extends it, a
 *   crashed holder's lease lapses after `leaseMs` (or at once for the same `instanceId`).
 * - Scheduling a job whose id exists replaces it; a run never deletes its own replacement.
 * - A handler that throws is re-run after a backoff, up to `maxAttempts`.
 * - Jobs whose data names a `lane` run at most `laneConcurrency` at a time per lane, so a lane that
 *   waits (an account at its rate limit) cannot take every slot.
 *
 * @example
 * ```ts
 * const jobs = inProcessJobRunner({ store, instanceId: 'worker-1' });
 * jobs.define('send-report', async ({ data }) => sendReport(data));
 * await jobs.schedule({ id: 'report:42', name: 'send-report', data: { storeId: '42' } }, new Date(Date.now() + 60_000));
 * await jobs.start();
 * ```
 */
export function inProcessJobRunner(options: InProcessJobRunnerOptions): InProcessJobRunner {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const instanceId = options.instanceId ?? `runner-${randomUUID()}`;
  const leaseMs = positiveInteger('leaseMs', options.leaseMs, 30_000);
  const concurrency = positiveInteger('concurrency', options.concurrency, 64);
  const laneConcurrency = positiveInteger('laneConcurrency', options.laneConcurrency, 1);
  const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts, 3);
  const retryDelayMs = positiveInteger('retryDelayMs', options.retryDelayMs, 30_000);
  const ledger = new JobLedger({
    store: options.store,
    namespace: options.namespace ?? 'default',
    owner: instanceId,
  });

  const handlers = new Map<string, JobHandler>();
  const timeline = new JobTimeline();
  const running = new Map<
    string,
    { controller: AbortController; done: Promise<void>; lane: string | undefined }
  >();
  const idleWaiters: Array<() => void> = [];
  let started = false;
  let timer: { handle: ClockTimer; due: number } | undefined;

  const track = (record: JobRecord | undefined, id: string) => {
    if (record === undefined) timeline.delete(id);
    else
      timeline.set(id, {
        runAt: Date.parse(record.runAt),
        revision: record.revision,
        lane: laneOf(record.data),
      });
  };

  const tick = () => {
    if (!started) return;
    const now = clock.now().getTime();
    const busy = new Map<string, number>();
    for (const { lane } of running.values())
      if (lane !== undefined) busy.set(lane, (busy.get(lane) ?? 0) + 1);
    const taken = timeline.take(now, {
      capacity: concurrency - running.size,
      laneLimit: laneConcurrency,
      laneBusy: (lane) => busy.get(lane) ?? 0,
      isRunning: (id) => running.has(id),
    });
    for (const [id, entry] of taken) launch(id, entry);
    arm(now);
    settleIdleWaiters();
  };

  const arm = (now: number) => {
    const next = timeline.nextAfter(now);
    if (timer !== undefined && timer.due === next) return;
    timer?.handle.cancel();
    timer = undefined;
    if (next === Number.POSITIVE_INFINITY) return;
    const fire = () => {
      timer = undefined;
      tick();
    };
    timer = { due: next, handle: clock.setTimer(fire, next - now) };
  };

  const launch = (id: string, entry: TimelineEntry) => {
    const controller = new AbortController();
    const done = run(id, entry.revision, controller)
      .catch((error) => logger.error('Job runner bookkeeping failed', { jobId: id, error: describe(error) }))
      .finally(() => {
        running.delete(id);
        tick();
      });
    running.set(id, { controller, done, lane: entry.lane });
  };

  const run = async (id: string, revision: string, controller: AbortController) => {
    const claim = await ledger.claim(id, revision, clock.now(), leaseMs);
    if (!claim.claimed) {
      const record = claim.record;
      if (record === undefined || record.revision !== revision) return track(record, id);
      // Held by a live claim elsewhere: look again when that lease lapses.
      const leaseEnd = Date.parse(record.lease?.expiresAt ?? record.runAt);
      timeline.set(id, {
        runAt: Math.max(leaseEnd, clock.now().getTime() + 1),
        revision,
        lane: laneOf(record.data),
      });
      return;
    }
    const { record, token } = claim;
    const handler = handlers.get(record.name);
    if (handler === undefined) {
      logger.warn('No handler is defined for a due job; it stays stored for a runner that has one', {
        jobId: id,
        name: record.name,
      });
      await ledger.finish(claim, { kind: 'interrupted' }, clock.now());
      timeline.delete(id);
      return;
    }
    const heartbeat = startHeartbeat(id, token, controller);
    let outcome: RunOutcome;
    try {
      await handler({
        id,
        name: record.name,
        data: record.data,
        attempt: record.attempt,
        signal: controller.signal,
      });
      outcome = { kind: 'succeeded' };
    } catch (error) {
      outcome = controller.signal.aborted ? { kind: 'interrupted' } : failure(error, record);
      if (outcome.kind === 'failed') {
        const willRetry = outcome.retryAt !== undefined;
        logger.error('A job failed', { jobId: id, name: record.name, attempt: record.attempt, willRetry });
        options.onError?.(error, { id, name: record.name, attempt: record.attempt, willRetry });
      }
    } finally {
      heartbeat.cancel();
    }
    track(await ledger.finish(claim, outcome, clock.now()), id);
  };

  const failure = (error: unknown, record: JobRecord): RunOutcome => {
    if (record.kind === 'once' && record.attempt < maxAttempts) {
      const delay = retryDelayMs * 2 ** (record.attempt - 1);
      return { kind: 'failed', error, retryAt: new Date(clock.now().getTime() + delay) };
    }
    return { kind: 'failed', error, retryAt: undefined };
  };

  const startHeartbeat = (id: string, token: string, controller: AbortController): ClockTimer => {
    let current: ClockTimer | undefined;
    let stopped = false;
    const beat = () => {
      current = clock.setTimer(
        async () => {
          if (stopped) return;
          const held = await ledger.extend(id, token, clock.now(), leaseMs).catch(() => true);
          if (!held) {
            logger.warn('A job lost its lease while running; aborting it', { jobId: id });
            controller.abort(new Error('The job lease was lost.'));
            return;
          }
          if (!stopped) beat();
        },
        Math.floor(leaseMs / 3),
      );
    };
    beat();
    return {
      cancel: () => {
        stopped = true;
        current?.cancel();
      },
    };
  };

  const settleIdleWaiters = () => {
    if (running.size > 0 || timeline.hasDue(clock.now().getTime(), (id) => running.has(id))) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const runner: InProcessJobRunner = {
    instanceId,
    define(name, handler) {
      if (typeof name !== 'string' || name.length === 0) {
        throw new ValidationError({ field: 'name', reason: 'is empty', fix: 'give the job handler a name' });
      }
      handlers.set(name, handler);
    },
    async schedule(job: Job, runAt: Date) {
      if (typeof job?.name !== 'string' || job.name.length === 0) {
        throw new ValidationError({ field: 'job.name', reason: 'is empty', fix: 'name the handler to run' });
      }
      if (!(runAt instanceof Date) || Number.isNaN(runAt.getTime())) {
        throw new ValidationError({ field: 'runAt', reason: 'is not a valid Date', fix: 'pass a Date' });
      }
      const id = job.id ?? `job:${randomUUID()}`;
      track(await ledger.schedule({ id, name: job.name, data: job.data, runAt, now: clock.now() }), id);
      tick();
      return id;
    },
    async every(name, intervalMs, handler) {
      if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
        throw new ValidationError({
          field: 'intervalMs',
          reason: `must be a positive whole number of milliseconds, got ${String(intervalMs)}`,
          fix: 'pass e.g. 4 * 60 * 60 * 1000 for every 4 hours',
        });
      }
      const id = `every:${name}`;
      handlers.set(id, handler);
      track(await ledger.every({ id, name: id, intervalMs, now: clock.now() }), id);
      tick();
      return id;
    },
    async cancel(id) {
      const existed = await ledger.cancel(id);
      timeline.delete(id);
      if (id.startsWith('every:')) handlers.delete(id);
      tick();
      return existed;
    },
    async start() {
      if (started) return;
      for await (const record of ledger.all()) track(record, record.id);
      started = true;
      tick();
    },
    async stop() {
      started = false;
      timer?.handle.cancel();
      timer = undefined;
      for (const { controller } of running.values())
        controller.abort(new Error('The job runner is stopping.'));
      await Promise.allSettled([...running.values()].map((entry) => entry.done));
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    idle() {
      return new Promise((resolve) => {
        if (!started) return resolve();
        idleWaiters.push(resolve);
        settleIdleWaiters();
      });
    },
    stats: () => ({ scheduled: timeline.size, running: running.size }),
  };
  return runner;
}

/** The lane of a job: the string `lane` member of its data, if any. */
function laneOf(data: unknown): string | undefined {
  const lane = (data as { lane?: unknown } | null)?.lane;
  return typeof lane === 'string' && lane.length > 0 ? lane : undefined;
}

function positiveInteger(setting: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError({
      setting: `jobs.${setting}`,
      reason: `must be a positive whole number, got ${String(value)}`,
      fix: `leave it out for the default (${fallback})`,
    });
  }
  return value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
