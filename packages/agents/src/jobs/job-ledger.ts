import { randomUUID } from 'node:crypto';
import type { JobData, Repository, Store } from '@growthhub/core';
import { eachPaged, redactSecrets, withStoreLock } from '@growthhub/core';
import { JOB_INDEX_SHARDS, type JobRecord, jobRecordKey, jobRepository } from './job-record';

/** What {@link JobLedger.claim} got: the claimed record, or why not. */
export type ClaimResult =
  | { readonly claimed: true; readonly record: JobRecord; readonly token: string }
  | { readonly claimed: false; readonly record: JobRecord | undefined };

/** How a run ended, for {@link JobLedger.finish}. */
export type RunOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retryAt: Date | undefined }
  | { readonly kind: 'interrupted' };

/**
 * The persisted side of the in-process job runner: every read and write of job records, each one
 * atomic (record lock for claims, a per-job store lock for schedule, cancel and finish). Knows
 * nothing about timers; returns what the runner needs to update its in-memory timeline.
 */
export class JobLedger {
  readonly #records: Repository<JobRecord>;
  readonly #store: Store;
  readonly #namespace: string;
  readonly #owner: string;

  constructor(options: { store: Store; namespace: string; owner: string }) {
    this.#store = options.store;
    this.#records = options.store.repository(jobRepository);
    this.#namespace = options.namespace;
    this.#owner = options.owner;
  }

  /** Creates or replaces a one-off job; a lease held by a running claim is kept. */
  schedule(input: { id: string; name: string; data: JobData; runAt: Date; now: Date }): Promise<JobRecord> {
    return this.#locked(input.id, async () => {
      const build = (existing: JobRecord | undefined): JobRecord => ({
        id: input.id,
        namespace: this.#namespace,
        name: input.name,
        data: input.data as JobRecord['data'],
        runAt: input.runAt.toISOString(),
        attempt: 0,
        revision: randomUUID(),
        kind: 'once',
        ...(existing?.lease === undefined ? {} : { lease: existing.lease }),
        createdAt: existing?.createdAt ?? input.now.toISOString(),
        updatedAt: input.now.toISOString(),
      });
      // Replacing reads the record once (inside the update); only a new job is put.
      const replaced = await this.#records.update(this.#key(input.id), build);
      return replaced ?? this.#records.put(build(undefined));
    });
  }

  /**
   * Registers a recurring task. A task persisted earlier keeps its next run when that is sooner, so
   * a run that fell due while the process was down happens right after start.
   */
  every(input: { id: string; name: string; intervalMs: number; now: Date }): Promise<JobRecord> {
    return this.#locked(input.id, async () => {
      const existing = await this.#records.get(this.#key(input.id));
      const fresh = input.now.getTime() + input.intervalMs;
      if (existing !== undefined && existing.kind === 'every') {
        const runAt = Math.min(Date.parse(existing.runAt), fresh);
        if (runAt === Date.parse(existing.runAt) && existing.intervalMs === input.intervalMs) return existing;
        return this.#records.put({
          ...existing,
          intervalMs: input.intervalMs,
          runAt: new Date(runAt).toISOString(),
          revision: randomUUID(),
          updatedAt: input.now.toISOString(),
        });
      }
      return this.#records.put({
        id: input.id,
        namespace: this.#namespace,
        name: input.name,
        data: null,
        runAt: new Date(fresh).toISOString(),
        attempt: 0,
        revision: randomUUID(),
        kind: 'every',
        intervalMs: input.intervalMs,
        createdAt: input.now.toISOString(),
        updatedAt: input.now.toISOString(),
      });
    });
  }

  /** Deletes a job; true when it existed. */
  cancel(id: string): Promise<boolean> {
    return this.#locked(id, () => this.#records.delete(this.#key(id)));
  }

  /**
   * Claims revision `revision` of job `id` with a lease of `leaseMs`, unless another live claim holds
   * it. A lease left by this runner's own instance id (a previous run of this process that died) is
   * taken over at once, since this process is not running the job.
   */
  async claim(id: string, revision: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const token = randomUUID();
    let record: JobRecord | undefined;
    try {
      record = await this.#records.update(this.#key(id), (current) => {
        const lease = current.lease;
        const live = lease !== undefined && Date.parse(lease.expiresAt) > now.getTime();
        if (current.revision !== revision || (live && lease.owner !== this.#owner))
          throw new Unwritten(current);
        return {
          ...current,
          attempt: current.attempt + 1,
          lease: { owner: this.#owner, token, expiresAt: new Date(now.getTime() + leaseMs).toISOString() },
          updatedAt: now.toISOString(),
        };
      });
    } catch (error) {
      if (!(error instanceof Unwritten)) throw error;
      return { claimed: false, record: error.record };
    }
    if (record?.lease?.token === token) return { claimed: true, record, token };
    return { claimed: false, record };
  }

  /** Extends a held lease; false when the claim was lost (taken over or the job deleted). */
  async extend(id: string, token: string, now: Date, leaseMs: number): Promise<boolean> {
    try {
      const record = await this.#records.update(this.#key(id), (current) => {
        if (current.lease?.token !== token) throw new Unwritten(current);
        return {
          ...current,
          lease: { ...current.lease, expiresAt: new Date(now.getTime() + leaseMs).toISOString() },
        };
      });
      return record !== undefined;
    } catch (error) {
      if (error instanceof Unwritten) return false;
      throw error;
    }
  }

  /**
   * Records how a claimed run ended and returns the record that remains (`undefined` when the job is
   * done or gone). A job rescheduled while it ran keeps its new revision; only the lease is dropped.
   */
  finish(
    claim: { record: JobRecord; token: string },
    outcome: RunOutcome,
    now: Date,
  ): Promise<JobRecord | undefined> {
    const { record: claimed } = claim;
    return this.#locked(claimed.id, async () => {
      const key = this.#key(claimed.id);
      try {
        // One read: the update writes what remains, or throws a verdict to keep or delete the record.
        return await this.#records.update(key, (current) => this.#finished(current, claim, outcome, now));
      } catch (error) {
        if (!(error instanceof Unwritten)) throw error;
        if (error.record !== undefined) return error.record;
        await this.#records.delete(key);
        return undefined;
      }
    });
  }

  /** The record a finished run leaves; throws {@link Unwritten} to keep `current` as is or to delete it. */
  #finished(
    current: JobRecord,
    claim: { record: JobRecord; token: string },
    outcome: RunOutcome,
    now: Date,
  ): JobRecord {
    const { lease, ...unleased } = current;
    const base = { ...unleased, updatedAt: now.toISOString() };
    if (current.revision !== claim.record.revision) {
      if (lease?.token === claim.token) return base;
      throw new Unwritten(current);
    }
    if (outcome.kind === 'interrupted') return base;
    if (outcome.kind === 'failed') {
      const { lastError: _previous, ...rest } = base;
      const lastError = {
        code: errorCode(outcome.error),
        message: errorMessage(outcome.error),
        at: now.toISOString(),
      };
      if (outcome.retryAt !== undefined) return { ...rest, lastError, runAt: outcome.retryAt.toISOString() };
      if (current.kind === 'every') return { ...rest, lastError, ...this.#nextInterval(current, now) };
      throw new Unwritten(undefined);
    }
    if (current.kind === 'every') {
      const { lastError: _cleared, ...rest } = base;
      return { ...rest, ...this.#nextInterval(current, now) };
    }
    throw new Unwritten(undefined);
  }

  /** Every job of the namespace, shard by shard, paging through the store. */
  async *all(): AsyncGenerator<JobRecord> {
    for (let shard = 0; shard < JOB_INDEX_SHARDS; shard++) {
      yield* eachPaged((page) => this.#records.list(`${this.#namespace}#${shard}`, page));
    }
  }

  /** One job, or `undefined`. */
  get(id: string): Promise<JobRecord | undefined> {
    return this.#records.get(this.#key(id));
  }

  #nextInterval(record: JobRecord, now: Date): Pick<JobRecord, 'runAt' | 'attempt' | 'revision'> {
    const next = now.getTime() + (record.intervalMs ?? 60_000);
    return { runAt: new Date(next).toISOString(), attempt: 0, revision: randomUUID() };
  }

  #key(id: string): string {
    return jobRecordKey(this.#namespace, id);
  }

  #locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    return withStoreLock(this.#store, `jobs:${this.#key(id)}`, work, { ttlMs: 15_000, waitMs: 30_000 });
  }
}

/**
 * Thrown out of a record update to skip its write: `record` is kept as it is, or, when `undefined`,
 * the job is deleted.
 */
class Unwritten {
  constructor(readonly record: JobRecord | undefined) {}
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (typeof code === 'string' && code.length > 0 ? code : 'job_failed').slice(0, 128);
}

function errorMessage(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
