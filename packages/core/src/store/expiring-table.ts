/** One stored value and when it lapses (epoch milliseconds). */
export interface TableEntry {
  value: unknown;
  expiresAt?: number;
}

/** A change to an {@link ExpiringTable}, as written to a {@link TableJournal}. */
export type TableChange =
  | { op: 'set'; key: string; value: unknown; expiresAt?: number }
  | { op: 'del'; key: string }
  | { op: 'clear' };

/** Makes an {@link ExpiringTable} durable: loads its content once and records every change. */
export interface TableJournal {
  /** Reads the persisted entries (called once, before the first operation). */
  load(): Promise<Map<string, TableEntry>>;
  /** Durably records `change`; `live` gives the current content when the journal wants to compact. */
  record(change: TableChange, live: () => Map<string, TableEntry>): Promise<void>;
  /** Flushes and closes. */
  close(): Promise<void>;
}

/**
 * A keyv-compatible storage adapter over a `Map` that honours time to live, optionally made durable by
 * a {@link TableJournal}. Internal: `memoryStore()` and `fileStore()` wrap it; keyv sees only the
 * methods it calls (`get`, `set`, `delete`, `clear`, `has`, `getMany`, `deleteMany`, `disconnect`).
 */
export class ExpiringTable {
  /** keyv reads `opts` and `namespace` from every adapter. */
  readonly opts: Record<string, unknown> = { dialect: 'growthhub-table' };
  namespace?: string;
  #entries = new Map<string, TableEntry>();
  readonly #journal: TableJournal | undefined;
  #ready: Promise<void> | undefined;
  #writesSinceSweep = 0;

  constructor(journal?: TableJournal) {
    this.#journal = journal;
  }

  async get(key: string): Promise<unknown> {
    await this.#load();
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (isExpired(entry, Date.now())) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async getMany(keys: string[]): Promise<unknown[]> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    await this.#load();
    const entry: TableEntry = { value };
    if (typeof ttl === 'number' && ttl > 0) entry.expiresAt = Date.now() + ttl;
    this.#entries.set(key, entry);
    this.#sweepNow();
    await this.#journal?.record({ op: 'set', key, value, ...pickExpiry(entry) }, () => this.#entries);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    await this.#load();
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    await this.#journal?.record({ op: 'del', key }, () => this.#entries);
    return !isExpired(entry, Date.now());
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const results = await Promise.all(keys.map((key) => this.delete(key)));
    return results.some(Boolean);
  }

  async clear(): Promise<void> {
    await this.#load();
    this.#entries.clear();
    await this.#journal?.record({ op: 'clear' }, () => this.#entries);
  }

  /** Every live key and raw value. */
  async *rawEntries(): AsyncGenerator<[string, unknown]> {
    await this.#load();
    const now = Date.now();
    for (const [key, entry] of [...this.#entries]) if (!isExpired(entry, now)) yield [key, entry.value];
  }

  async disconnect(): Promise<void> {
    if (this.#ready !== undefined) await this.#ready.catch(() => undefined);
    await this.#journal?.close();
  }

  #load(): Promise<void> {
    this.#ready ??= this.#journal
      ? this.#journal.load().then((entries) => {
          this.#entries = entries;
        })
      : Promise.resolve();
    return this.#ready;
  }

  // Expired values nobody reads again (abandoned OAuth states) must not pile up in memory.
  #sweepNow(): void {
    this.#writesSinceSweep += 1;
    if (this.#writesSinceSweep < SWEEP_EVERY_WRITES) return;
    this.#writesSinceSweep = 0;
    const now = Date.now();
    for (const [key, entry] of this.#entries) if (isExpired(entry, now)) this.#entries.delete(key);
  }
}

/** True when `entry` has lapsed at `now`. */
export function isExpired(entry: TableEntry, now: number): boolean {
  return entry.expiresAt !== undefined && entry.expiresAt <= now;
}

const SWEEP_EVERY_WRITES = 1_000;

function pickExpiry(entry: TableEntry): { expiresAt?: number } {
  return entry.expiresAt === undefined ? {} : { expiresAt: entry.expiresAt };
}
