import Keyv from 'keyv';
import type {
  ExpiringValues,
  LockWaitOptions,
  Repository,
  RepositoryDefinition,
  Store,
  StoredValue,
  StoreEntry,
  StoreLock,
} from '../contracts/store';
import { ValidationError } from '../errors/index';
import { KeyvRepository } from './keyv-repository';
import { InProcessLockTable, type LockBackend } from './lock-backend';
import { acquireLockWith, withStoreLock } from './store-lock';

/**
 * A storage adapter in keyv's format (`get`, `set(key, value, ttlMs?)`, `delete`, `clear`), such as
 * `@keyv/sqlite` or `@keyv/postgres`. Typed structurally so that no keyv type enters our API.
 */
export interface KeyvCompatibleAdapter {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttl?: number): unknown;
  delete(key: string): Promise<boolean>;
  clear(): Promise<void>;
  disconnect?(): Promise<void>;
  /** Lists `[key, raw value]` pairs under a namespace (keyv's optional iteration method). */
  iterator?(namespace?: string): AsyncIterable<[string, unknown]> | AsyncIterable<unknown[]>;
}

/** Options of {@link keyvStore}. */
export interface KeyvStoreOptions {
  /** Reported as `store.kind` (default `keyv`). */
  kind?: string;
  /** Prefix of every key, so several apps can share one backend (default `growthhub`). */
  namespace?: string;
}

/**
 * A {@link Store} on any keyv storage adapter. Its locks are held in this process's memory, so use it
 * from one process only; for several processes use `redisStore()` from `@growthhub/core/redis`, whose
 * locks are atomic on the server. `entries()` yields nothing unless the adapter has keyv's `iterator()`.
 *
 * @example
 * ```ts
 * import KeyvSqlite from '@keyv/sqlite';
 * const store = keyvStore(new KeyvSqlite('sqlite://growthhub.sqlite'), { kind: 'sqlite' });
 * ```
 */
export function keyvStore(adapter: KeyvCompatibleAdapter, options: KeyvStoreOptions = {}): Store {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const keyv = createKeyv(coreOperations(adapter), namespace);
  return assembleKeyvStore({
    kind: options.kind ?? 'keyv',
    keyv,
    locks: new InProcessLockTable(),
    entries: () => adapterEntries(adapter, namespace),
    close: async () => {
      await adapter.disconnect?.();
    },
  });
}

/** The parts a keyv-backed store is made of. Internal to the store implementations. */
export interface KeyvStoreParts {
  kind: string;
  keyv: Keyv;
  locks: LockBackend;
  entries(): AsyncIterable<[string, unknown]>;
  close(): Promise<void>;
}

/** Builds the {@link Store} API on a keyv instance and a lock backend. Internal. */
export function assembleKeyvStore(parts: KeyvStoreParts): Store {
  const { keyv, locks } = parts;
  const lockSource = {
    acquireLock: (name: string, ttlMs: number, options?: LockWaitOptions): Promise<StoreLock | undefined> =>
      acquireLockWith(locks, name, ttlMs, options),
  };
  const values: ExpiringValues = {
    get: (key) => keyv.get(valueKey(key)),
    set: async (key, value: StoredValue, ttlMs) => {
      if (ttlMs !== undefined && (!Number.isInteger(ttlMs) || ttlMs <= 0)) {
        throw new ValidationError({
          field: 'ttlMs',
          reason: `must be a positive whole number of milliseconds, got ${String(ttlMs)}`,
          fix: 'omit ttlMs for a value that never expires',
        });
      }
      await keyv.set(valueKey(key), value, ttlMs);
    },
    delete: (key) => keyv.delete(valueKey(key)),
    take: (key) =>
      withStoreLock(lockSource, `take:${key}`, async () => {
        const value: unknown = await keyv.get(valueKey(key));
        if (value !== undefined) await keyv.delete(valueKey(key));
        return value;
      }),
  };
  let closed = false;
  return {
    kind: parts.kind,
    values,
    repository: <T>(definition: RepositoryDefinition<T>): Repository<T> =>
      new KeyvRepository(keyv, lockSource, definition),
    acquireLock: lockSource.acquireLock,
    entries: async function* (): AsyncGenerator<StoreEntry> {
      for await (const [key, value] of parts.entries()) yield { key, value };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await parts.close();
    },
  };
}

/**
 * A keyv instance that throws storage errors instead of emitting them. Internal. `prefixKeys: false`
 * leaves prefixing to adapters that namespace keys themselves (as `@keyv/redis` does).
 */
export function createKeyv(
  adapter: unknown,
  namespace: string,
  options: { prefixKeys?: boolean } = {},
): Keyv {
  return new Keyv({
    // biome-ignore lint/suspicious/noExplicitAny: keyv's adapter type is deliberately kept out of our API.
    store: adapter as any,
    namespace,
    useKeyPrefix: options.prefixKeys ?? true,
    throwOnErrors: true,
    emitErrors: false,
  });
}

const DEFAULT_NAMESPACE = 'growthhub';

function valueKey(key: string): string {
  return `kv:${key}`;
}

// keyv inspects adapters (`opts.url`, `iterator`) in ways some third-party adapters do not expect;
// it only needs the four core operations, and entries() reads the adapter's iterator directly.
function coreOperations(adapter: KeyvCompatibleAdapter): KeyvCompatibleAdapter & { opts: object } {
  return {
    opts: {},
    get: (key) => adapter.get(key),
    set: (key, value, ttl) => adapter.set(key, value, ttl),
    delete: (key) => adapter.delete(key),
    clear: () => adapter.clear(),
  };
}

async function* adapterEntries(
  adapter: KeyvCompatibleAdapter,
  namespace: string,
): AsyncGenerator<[string, unknown]> {
  if (typeof adapter.iterator !== 'function') return;
  for await (const entry of adapter.iterator(namespace)) {
    const [key, value] = entry as unknown[];
    if (typeof key === 'string') yield [key, value];
  }
}
