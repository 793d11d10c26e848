import type { z } from 'zod';

/**
 * Where Growth Hub keeps its state: typed repositories, expiring values and locks.
 *
 * Implementations are built on keyv (`memoryStore()`, `fileStore(path)`, `redisStore(url)` from
 * `@growthhub/core/redis`), but no keyv type appears here, so any backend can implement it.
 * keyv has no queries, so a store keeps explicit per-tenant index records (updated under the store's own
 * lock) and every list operation pages. Time ordering ("what is due when") belongs to the job runner,
 * not to scans of a store.
 *
 * Every implementation must pass `runStoreConformance(...)` from `@growthhub/core/testing`.
 */
export interface Store {
  /** What backs this store, for logs and diagnostics: `memory`, `file`, `redis` or a custom name. */
  readonly kind: string;

  /**
   * The repository for one collection of records. Calling it twice with the same definition returns an
   * equivalent repository; adding a collection never changes this contract.
   */
  repository<T>(definition: RepositoryDefinition<T>): Repository<T>;

  /** Values with an optional time to live (OAuth state, idempotency keys, caches). */
  readonly values: ExpiringValues;

  /**
   * Tries to take the named lock for `ttlMs` milliseconds.
   *
   * Resolves to the held lock, or `undefined` when another owner holds it and `options.waitMs` ran out.
   * The lock carries a random owner token: only that owner can release or extend it, and it expires on
   * its own after `ttlMs` so a crashed holder never blocks others for longer than that.
   */
  acquireLock(name: string, ttlMs: number, options?: LockWaitOptions): Promise<StoreLock | undefined>;

  /**
   * Every stored key and its raw stored value, for backups and audits (and for tests that prove no
   * secret is stored in plain text). Expired values may or may not appear.
   */
  entries(): AsyncIterable<StoreEntry>;

  /** Flushes pending writes and releases connections and file handles. The store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Describes one collection: its name, its record schema and how to find a record's id and tenant.
 *
 * Records are validated with `schema` on every write and parsed with it on every read, so a repository
 * never hands out data of the wrong shape.
 */
export interface RepositoryDefinition<T> {
  /** Collection name: lowercase letters, digits, `-` and `_`, starting with a letter (e.g. `connections`). */
  readonly name: string;
  /** The record schema (zod). */
  readonly schema: z.ZodType<T>;
  /** The record's id, unique within the collection. */
  idOf(record: T): string;
  /** The tenant (the host's store id) the record belongs to; list operations are per tenant. */
  tenantOf(record: T): string;
}

/** Typed access to one collection of records; see {@link RepositoryDefinition}. */
export interface Repository<T> {
  /** The record with this id, or `undefined`. */
  get(id: string): Promise<T | undefined>;
  /** Creates or replaces a record (validated against the schema) and keeps the tenant index current. */
  put(record: T): Promise<T>;
  /**
   * Reads, changes and writes one record under the record's lock, so concurrent updates never lose
   * each other's changes. `change` gets the current record and returns the new one; resolves to the
   * written record, or `undefined` (and writes nothing) when there is no record with this id.
   */
  update(id: string, change: (current: T) => T | Promise<T>): Promise<T | undefined>;
  /** Deletes a record; resolves to `true` when it existed. */
  delete(id: string): Promise<boolean>;
  /** One page of a tenant's records, ordered by id. */
  list(tenantId: string, page?: PageRequest): Promise<Page<T>>;
  /** One page of the tenants that have at least one record, in id order. */
  listTenants(page?: PageRequest): Promise<Page<string>>;
}

/** Asks for one page of a list. */
export interface PageRequest {
  /** Maximum number of items (1–500, default 100). */
  limit?: number;
  /** The `nextCursor` of the previous page; omit for the first page. */
  cursor?: string;
}

/** One page of a list; pass `nextCursor` back to get the next page. */
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** JSON-compatible values that {@link ExpiringValues} can hold. */
export type StoredValue = string | number | boolean | null | StoredValue[] | { [key: string]: StoredValue };

/** Key/value pairs with an optional time to live. Values are returned as `unknown`: parse them with zod. */
export interface ExpiringValues {
  /** The value under `key`, or `undefined` when absent or expired. */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key`, expiring after `ttlMs` milliseconds when given. */
  set(key: string, value: StoredValue, ttlMs?: number): Promise<void>;
  /** Deletes `key`; resolves to `true` when it existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Reads and deletes `key` as one step: when several callers (in any process sharing the store) take
   * the same key at once, exactly one of them gets the value. For single-use values such as OAuth state.
   */
  take(key: string): Promise<unknown>;
}

/** How long {@link Store.acquireLock} keeps trying while another owner holds the lock. */
export interface LockWaitOptions {
  /** Keep retrying for up to this many milliseconds (default 0: one attempt). */
  waitMs?: number;
}

/** A lock held in a {@link Store}; only its owner can release or extend it. */
export interface StoreLock {
  /** The lock's name. */
  readonly name: string;
  /** The random owner token that proves this holder took the lock. */
  readonly owner: string;
  /** When the lock lapses unless extended (epoch milliseconds). */
  readonly expiresAt: number;
  /** Releases the lock if this owner still holds it; resolves to `false` when it had already lapsed. */
  release(): Promise<boolean>;
  /** Pushes the expiry to `ttlMs` from now if this owner still holds it; resolves to `false` otherwise. */
  extend(ttlMs: number): Promise<boolean>;
}

/** One raw key and stored value, as returned by {@link Store.entries}. */
export interface StoreEntry {
  key: string;
  value: unknown;
}
