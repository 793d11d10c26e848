import { randomUUID } from 'node:crypto';
import type { LockWaitOptions, StoreLock } from '../contracts/store';
import { GrowthError, hasErrorMarker, markErrorClass } from '../errors/growth-error';
import { ValidationError } from '../errors/index';
import type { LockBackend } from './lock-backend';

/**
 * Raised when a store lock could not be taken within the allowed wait: another owner held it for the
 * whole time. It is transient; retry later.
 */
export class LockUnavailableError extends GrowthError {
  /** The lock that stayed busy. */
  readonly lockName: string;
  /** How long the caller waited, in milliseconds. */
  readonly waitedMs: number;

  constructor(lockName: string, waitedMs: number) {
    super({
      code: 'lock_unavailable',
      message: `The store lock "${lockName}" stayed busy for ${waitedMs} ms; retry later, or raise waitMs if the holder's work is slow.`,
    });
    this.lockName = lockName;
    this.waitedMs = waitedMs;
  }

  /** Tells whether `value` is a {@link LockUnavailableError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is LockUnavailableError {
    return hasErrorMarker(value, 'LockUnavailableError');
  }
}
markErrorClass(LockUnavailableError, 'LockUnavailableError');

/** Anything that can hand out store locks (a {@link Store} satisfies it). */
export interface LockSource {
  acquireLock(name: string, ttlMs: number, options?: LockWaitOptions): Promise<StoreLock | undefined>;
}

/** How {@link withStoreLock} holds its lock. */
export interface LockScopeOptions {
  /** How long the lock lives if the holder dies (default 15 000 ms). */
  ttlMs?: number;
  /** How long to wait for a busy lock before failing with {@link LockUnavailableError} (default 15 000 ms). */
  waitMs?: number;
}

/**
 * Runs `work` while holding the named store lock, and releases it afterwards (owner-checked), whether
 * `work` succeeded or threw. Fails with {@link LockUnavailableError} when the lock stays busy.
 */
export async function withStoreLock<T>(
  locks: LockSource,
  name: string,
  work: () => Promise<T>,
  options: LockScopeOptions = {},
): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_SCOPE_MS;
  const lock = await locks.acquireLock(name, options.ttlMs ?? DEFAULT_SCOPE_MS, { waitMs });
  if (lock === undefined) throw new LockUnavailableError(name, waitMs);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/**
 * Takes a lock through `backend`, retrying with capped backoff while it is busy and `waitMs` allows.
 * Internal to the store implementations.
 */
export async function acquireLockWith(
  backend: LockBackend,
  name: string,
  ttlMs: number,
  options: LockWaitOptions = {},
): Promise<StoreLock | undefined> {
  checkPositiveInteger('ttlMs', ttlMs);
  const waitMs = options.waitMs ?? 0;
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    throw new ValidationError({
      field: 'waitMs',
      reason: `must be a non-negative number of milliseconds, got ${String(waitMs)}`,
      fix: 'Pass 0 for a single attempt, or how long to keep retrying.',
    });
  }
  // A random UUID (122 random bits) comes from a cached entropy pool: far cheaper per lock than fresh bytes.
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  let delayMs = FIRST_RETRY_MS;
  for (;;) {
    if (await backend.tryAcquire(name, owner, ttlMs)) return new BackendLock(backend, name, owner, ttlMs);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return undefined;
    await sleep(Math.min(remaining, delayMs * (0.5 + Math.random())));
    delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
  }
}

const DEFAULT_SCOPE_MS = 15_000;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 100;

class BackendLock implements StoreLock {
  readonly name: string;
  readonly owner: string;
  #expiresAt: number;
  readonly #backend: LockBackend;

  constructor(backend: LockBackend, name: string, owner: string, ttlMs: number) {
    this.#backend = backend;
    this.name = name;
    this.owner = owner;
    this.#expiresAt = Date.now() + ttlMs;
  }

  get expiresAt(): number {
    return this.#expiresAt;
  }

  release(): Promise<boolean> {
    return this.#backend.release(this.name, this.owner);
  }

  async extend(ttlMs: number): Promise<boolean> {
    checkPositiveInteger('ttlMs', ttlMs);
    const extended = await this.#backend.extend(this.name, this.owner, ttlMs);
    if (extended) this.#expiresAt = Date.now() + ttlMs;
    return extended;
  }
}

function checkPositiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new ValidationError({
      field,
      reason: `must be a positive whole number of milliseconds, got ${String(value)}`,
      fix: 'Pass how long the lock may live if its holder dies, e.g. 30000.',
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
