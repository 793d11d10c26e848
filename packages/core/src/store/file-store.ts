import type { Store } from '../contracts/store';
import { ConfigError } from '../errors/index';
import { AppendLogJournal } from './append-log-journal';
import { ExpiringTable } from './expiring-table';
import { assembleKeyvStore, createKeyv } from './keyv-store';
import { InProcessLockTable } from './lock-backend';

/** Options of {@link fileStore}. */
export interface FileStoreOptions {
  /**
   * `fsync` each batch of writes before acknowledging it (default `true`). Turning it off is faster but a
   * power cut may lose the last writes (a process crash does not).
   */
  fsync?: boolean;
}

/**
 * The embedded default {@link Store}: data kept in one file, nothing to install or start, kept across
 * restarts. Pure TypeScript, no native module.
 *
 * The file is an append-only log of JSON lines, compacted by writing a temporary file, fsyncing it and
 * renaming it over the log; a write resolves only once it is on disk. One process owns the file (a
 * second process using it fails with a `ConfigError`); to share data between processes use
 * `redisStore(url)` from `@growthhub/core/redis`. Time to live is honoured and survives restarts.
 *
 * @param path - the data file, e.g. `./growthhub.data`; its directory is created if missing.
 *
 * @example
 * ```ts
 * const store = fileStore('./growthhub.data');
 * // ...
 * await store.close();
 * ```
 */
export function fileStore(path: string, options: FileStoreOptions = {}): Store {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new ConfigError({
      setting: 'fileStore path',
      reason: 'no file path was given',
      fix: "pass the data file's path, e.g. fileStore('./growthhub.data')",
    });
  }
  const table = new ExpiringTable(new AppendLogJournal(path, { fsync: options.fsync ?? true }));
  return assembleKeyvStore({
    kind: 'file',
    keyv: createKeyv(table, 'growthhub'),
    locks: new InProcessLockTable(),
    entries: () => table.rawEntries(),
    close: () => table.disconnect(),
  });
}
