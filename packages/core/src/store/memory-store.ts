import type { Store } from '../contracts/store';
import { ExpiringTable } from './expiring-table';
import { assembleKeyvStore, createKeyv } from './keyv-store';
import { InProcessLockTable } from './lock-backend';

/**
 * A {@link Store} held in this process's memory: for tests, scripts and single-process demos. Nothing
 * survives a restart; use `fileStore(path)` for that, or `redisStore(url)` for several processes.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * const connections = store.repository(connectionRepository);
 * ```
 */
export function memoryStore(): Store {
  const table = new ExpiringTable();
  return assembleKeyvStore({
    kind: 'memory',
    keyv: createKeyv(table, 'growthhub'),
    locks: new InProcessLockTable(),
    entries: () => table.rawEntries(),
    close: () => table.disconnect(),
  });
}
