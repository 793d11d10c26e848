/**
 * The atomic primitives a store needs for its locks. Internal: `Store.acquireLock` is the public face.
 *
 * Every call names the owner token, so a holder whose lock lapsed and was taken by someone else can
 * never release or extend the new owner's lock.
 */
export interface LockBackend {
  /** Sets `name` to `owner` for `ttlMs` only if no live lock exists; resolves to `true` when taken. */
  tryAcquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Deletes `name` only if `owner` holds it; resolves to `true` when deleted. */
  release(name: string, owner: string): Promise<boolean>;
  /** Resets the expiry of `name` to `ttlMs` from now only if `owner` holds it. */
  extend(name: string, owner: string, ttlMs: number): Promise<boolean>;
}

/**
 * Locks held in this process's memory: atomic because each operation runs synchronously on one thread.
 * Used by the memory and file stores, which serve a single process.
 */
export class InProcessLockTable implements LockBackend {
  readonly #locks = new Map<string, { owner: string; expiresAt: number }>();

  async tryAcquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const current = this.#locks.get(name);
    if (current !== undefined && current.expiresAt > now) return false;
    this.#locks.set(name, { owner, expiresAt: now + ttlMs });
    if (this.#locks.size > SWEEP_THRESHOLD) this.#sweep(now);
    return true;
  }

  async release(name: string, owner: string): Promise<boolean> {
    const current = this.#locks.get(name);
    if (current === undefined || current.owner !== owner || current.expiresAt <= Date.now()) return false;
    this.#locks.delete(name);
    return true;
  }

  async extend(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const current = this.#locks.get(name);
    if (current === undefined || current.owner !== owner || current.expiresAt <= now) return false;
    current.expiresAt = now + ttlMs;
    return true;
  }

  #sweep(now: number): void {
    for (const [name, lock] of this.#locks) if (lock.expiresAt <= now) this.#locks.delete(name);
  }
}

const SWEEP_THRESHOLD = 10_000;
