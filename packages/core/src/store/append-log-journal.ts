import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../errors/index';
import { isExpired, type TableChange, type TableEntry, type TableJournal } from './expiring-table';

/** Tuning for {@link AppendLogJournal}. */
export interface AppendLogOptions {
  /** `fsync` every batch of writes before acknowledging it (default `true`). */
  fsync?: boolean;
  /** Rewrite the file once it holds more than this many lines and over twice the live entries (default 1000). */
  compactAfterLines?: number;
}

/**
 * Persists an `ExpiringTable` as an append-only log of JSON lines, one change per line.
 *
 * - A change is acknowledged only after its line is written (and fsynced, by default); concurrent
 *   changes share one write and one fsync (group commit).
 * - On open, and whenever the log grows past twice the live data, the live entries are written to a
 *   temporary file, fsynced and renamed over the log, so a crash leaves either the old or the new file.
 * - A torn last line (a crash mid-write) is dropped on open; expired entries are dropped on compaction.
 * - A failed append (disk full) is cut back off the file before the error is reported, so later
 *   appends never follow a half-written line.
 * - One process owns the file: a `<path>.lock` file holding the owner's pid makes a second process fail
 *   with a `ConfigError` instead of silently overwriting the first one's data.
 */
export class AppendLogJournal implements TableJournal {
  readonly #path: string;
  readonly #fsync: boolean;
  readonly #compactAfterLines: number;
  #handle: FileHandle | undefined;
  #lines = 0;
  /** The log's size in bytes after the last acknowledged write. */
  #bytes = 0;
  #queue: string[] = [];
  #batch: Promise<void> | undefined;
  #tail: Promise<void> = Promise.resolve();
  #closed = false;
  #owner = false;

  constructor(path: string, options: AppendLogOptions = {}) {
    this.#path = resolve(path);
    this.#fsync = options.fsync ?? true;
    this.#compactAfterLines = options.compactAfterLines ?? 1_000;
  }

  async load(): Promise<Map<string, TableEntry>> {
    await mkdir(dirname(this.#path), { recursive: true });
    claimOwnership(this.#path);
    this.#owner = true;
    try {
      const entries = replay(await readIfPresent(this.#path), this.#path);
      await this.#rewrite(entries);
      this.#handle = await open(this.#path, 'a');
      return entries;
    } catch (error) {
      this.#owner = false;
      releaseOwnership(this.#path);
      throw error;
    }
  }

  record(change: TableChange, live: () => Map<string, TableEntry>): Promise<void> {
    if (this.#closed) return Promise.reject(closedError(this.#path));
    this.#queue.push(`${JSON.stringify(encode(change))}\n`);
    if (this.#batch === undefined) {
      const batch = this.#tail.then(() => this.#writeBatch(live));
      this.#batch = batch;
      this.#tail = batch.catch(() => undefined);
    }
    return this.#batch;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#tail;
    await this.#handle?.close();
    this.#handle = undefined;
    if (this.#owner) releaseOwnership(this.#path);
    this.#owner = false;
  }

  async #writeBatch(live: () => Map<string, TableEntry>): Promise<void> {
    this.#batch = undefined;
    const lines = this.#queue;
    this.#queue = [];
    const handle = this.#handle;
    if (handle === undefined) throw closedError(this.#path);
    const bytes = Buffer.from(lines.join(''), 'utf8');
    const sizeBefore = this.#bytes;
    try {
      await writeAll(handle, bytes);
      if (this.#fsync) await handle.datasync();
    } catch (error) {
      await this.#rollBack(handle, sizeBefore);
      throw error;
    }
    this.#bytes += bytes.length;
    this.#lines += lines.length;
    const entries = live();
    if (this.#lines > this.#compactAfterLines && this.#lines > 2 * entries.size) {
      await handle.close();
      this.#handle = undefined;
      await this.#rewrite(entries);
      this.#handle = await open(this.#path, 'a');
    }
  }

  /**
   * Cuts the log back to its size before a failed append (disk full, I/O error), so a half-written line
   * never sits in front of the lines later batches append. When even that fails, the journal stops
   * accepting writes: appending after a torn line would make the whole file unreadable.
   */
  async #rollBack(handle: FileHandle, size: number): Promise<void> {
    try {
      await handle.truncate(size);
    } catch {
      this.#handle = undefined;
      await handle.close().catch(() => undefined);
    }
  }

  async #rewrite(entries: Map<string, TableEntry>): Promise<void> {
    const now = Date.now();
    const lines: string[] = [];
    for (const [key, entry] of entries) {
      if (isExpired(entry, now)) entries.delete(key);
      else lines.push(`${JSON.stringify(encode({ op: 'set', key, ...entry }))}\n`);
    }
    const temporary = `${this.#path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    const content = lines.join('');
    try {
      await writeAll(file, Buffer.from(content, 'utf8'));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.#path);
    await syncDirectory(dirname(this.#path));
    this.#lines = lines.length;
    this.#bytes = Buffer.byteLength(content);
  }
}

type LogLine = ['s', string, unknown] | ['s', string, unknown, number] | ['d', string] | ['c'];

const openInThisProcess = new Set<string>();

function encode(change: TableChange): LogLine {
  if (change.op === 'set') {
    return change.expiresAt === undefined
      ? ['s', change.key, change.value]
      : ['s', change.key, change.value, change.expiresAt];
  }
  return change.op === 'del' ? ['d', change.key] : ['c'];
}

/** Writes all of `bytes`: one `write` call may write only part of them (a file size limit, a full disk). */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

function replay(text: string, path: string): Map<string, TableEntry> {
  const entries = new Map<string, TableEntry>();
  const lines = text.split('\n');
  // Everything after the last newline is a line whose write never completed.
  lines.pop();
  lines.forEach((line, index) => {
    if (line === '') return;
    const parsed = parseLine(line);
    if (parsed === undefined) {
      throw new ConfigError({
        setting: 'fileStore path',
        reason: `line ${index + 1} of ${path} is not a Growth Hub store record`,
        fix: 'restore the file from a backup, or point fileStore at a file only Growth Hub writes',
      });
    }
    if (parsed[0] === 's') {
      const entry: TableEntry = { value: parsed[2] };
      if (parsed[3] !== undefined) entry.expiresAt = parsed[3];
      entries.set(parsed[1], entry);
    } else if (parsed[0] === 'd') entries.delete(parsed[1]);
    else entries.clear();
  });
  return entries;
}

function parseLine(line: string): LogLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const [op, key, , expiresAt] = value as unknown[];
  if (op === 'c' && value.length === 1) return ['c'];
  if (typeof key !== 'string') return undefined;
  if (op === 'd' && value.length === 2) return ['d', key];
  if (op === 's' && value.length === 3) return ['s', key, value[2]];
  if (op === 's' && value.length === 4 && typeof expiresAt === 'number')
    return ['s', key, value[2], expiresAt];
  return undefined;
}

async function readIfPresent(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

async function syncDirectory(path: string): Promise<void> {
  // Makes the rename itself durable. Some platforms cannot open a directory; the rename still happened.
  try {
    const directory = await open(path, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  } catch {
    // best effort
  }
}

function claimOwnership(path: string): void {
  if (openInThisProcess.has(path)) throw inUseError(path, 'this process already has it open');
  const lockPath = `${path}.lock`;
  try {
    const descriptor = openSync(lockPath, 'wx');
    writeSync(descriptor, String(process.pid));
    closeSync(descriptor);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw inUseError(path, `process ${holder} has it open`);
    }
    // The previous owner died without closing: take the file over.
    writeFileSync(lockPath, String(process.pid));
  }
  openInThisProcess.add(path);
}

function releaseOwnership(path: string): void {
  openInThisProcess.delete(path);
  try {
    unlinkSync(`${path}.lock`);
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUseError(path: string, reason: string): ConfigError {
  return new ConfigError({
    setting: 'fileStore path',
    reason: `${path} is in use: ${reason}`,
    fix: 'give each process its own file, close the other store first, or use redisStore() to share data between processes',
  });
}

function closedError(path: string): ConfigError {
  return new ConfigError({
    setting: 'fileStore path',
    reason: `the store for ${path} is closed`,
    fix: 'create a new fileStore after close()',
  });
}
