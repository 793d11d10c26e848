import type Keyv from 'keyv';
import type { Page, PageRequest, Repository, RepositoryDefinition } from '../contracts/store';
import { ValidationError } from '../errors/index';
import { type LockSource, withStoreLock } from './store-lock';

/**
 * A {@link Repository} on keyv: one key per record (`rec:<collection>:<id>`), one sorted id list per
 * tenant (`idx:<collection>:<tenant>`) and one sorted tenant list per collection (`tenants:<collection>`).
 * Writes run under the record's lock; index changes additionally under the index's lock (always taken
 * in the order record → tenant index → tenant list, so they cannot deadlock).
 */
export class KeyvRepository<T> implements Repository<T> {
  readonly #keyv: Keyv;
  readonly #locks: LockSource;
  readonly #definition: RepositoryDefinition<T>;

  constructor(keyv: Keyv, locks: LockSource, definition: RepositoryDefinition<T>) {
    if (!COLLECTION_NAME.test(definition.name)) {
      throw new ValidationError({
        field: 'definition.name',
        reason: `"${definition.name}" is not a valid collection name`,
        fix: 'use lowercase letters, digits, "-" and "_", starting with a letter (e.g. "connections")',
      });
    }
    this.#keyv = keyv;
    this.#locks = locks;
    this.#definition = definition;
  }

  async get(id: string): Promise<T | undefined> {
    const raw = await this.#keyv.get(this.#recordKey(id));
    return raw === undefined ? undefined : this.#parse(raw);
  }

  async put(record: T): Promise<T> {
    const parsed = this.#parse(record);
    const id = this.#idOf(parsed);
    return withStoreLock(this.#locks, this.#recordKey(id), async () => {
      const previous = await this.get(id);
      await this.#write(id, parsed, previous);
      return parsed;
    });
  }

  async update(id: string, change: (current: T) => T | Promise<T>): Promise<T | undefined> {
    return withStoreLock(this.#locks, this.#recordKey(id), async () => {
      const current = await this.get(id);
      if (current === undefined) return undefined;
      const next = this.#parse(await change(current));
      if (this.#idOf(next) !== id) {
        throw new ValidationError({
          field: `${this.#definition.name}.id`,
          reason: `an update changed the record id from "${id}" to "${this.#idOf(next)}"`,
          fix: 'keep the id; put a new record and delete the old one to rename',
        });
      }
      await this.#write(id, next, current);
      return next;
    });
  }

  async delete(id: string): Promise<boolean> {
    return withStoreLock(this.#locks, this.#recordKey(id), async () => {
      const previous = await this.get(id);
      if (previous === undefined) return false;
      await this.#keyv.delete(this.#recordKey(id));
      await this.#removeFromIndex(this.#definition.tenantOf(previous), id);
      return true;
    });
  }

  async list(tenantId: string, page: PageRequest = {}): Promise<Page<T>> {
    const ids = await this.#readIds(this.#indexKey(tenantId));
    const { slice, nextCursor } = pageOf(ids, page);
    const raws = slice.length === 0 ? [] : await this.#keyv.get(slice.map((id) => this.#recordKey(id)));
    const items: T[] = [];
    for (const raw of raws) if (raw !== undefined && raw !== null) items.push(this.#parse(raw));
    return nextCursor === undefined ? { items } : { items, nextCursor };
  }

  async listTenants(page: PageRequest = {}): Promise<Page<string>> {
    const tenants = await this.#readIds(this.#tenantsKey());
    const { slice, nextCursor } = pageOf(tenants, page);
    return nextCursor === undefined ? { items: slice } : { items: slice, nextCursor };
  }

  async #write(id: string, record: T, previous: T | undefined): Promise<void> {
    await this.#keyv.set(this.#recordKey(id), record);
    const tenant = this.#definition.tenantOf(record);
    const previousTenant = previous === undefined ? undefined : this.#definition.tenantOf(previous);
    if (previousTenant === tenant) return;
    await this.#addToIndex(tenant, id);
    if (previousTenant !== undefined) await this.#removeFromIndex(previousTenant, id);
  }

  async #addToIndex(tenant: string, id: string): Promise<void> {
    const indexKey = this.#indexKey(tenant);
    await withStoreLock(this.#locks, indexKey, async () => {
      const ids = await this.#readIds(indexKey);
      if (!insertSorted(ids, id)) return;
      await this.#keyv.set(indexKey, { ids });
      if (ids.length === 1) await this.#changeTenants((tenants) => insertSorted(tenants, tenant));
    });
  }

  async #removeFromIndex(tenant: string, id: string): Promise<void> {
    const indexKey = this.#indexKey(tenant);
    await withStoreLock(this.#locks, indexKey, async () => {
      const ids = await this.#readIds(indexKey);
      if (!removeSorted(ids, id)) return;
      if (ids.length > 0) {
        await this.#keyv.set(indexKey, { ids });
        return;
      }
      await this.#keyv.delete(indexKey);
      await this.#changeTenants((tenants) => removeSorted(tenants, tenant));
    });
  }

  async #changeTenants(change: (tenants: string[]) => boolean): Promise<void> {
    const tenantsKey = this.#tenantsKey();
    await withStoreLock(this.#locks, tenantsKey, async () => {
      const tenants = await this.#readIds(tenantsKey);
      if (change(tenants)) await this.#keyv.set(tenantsKey, { ids: tenants });
    });
  }

  async #readIds(key: string): Promise<string[]> {
    const raw: unknown = await this.#keyv.get(key);
    if (raw === undefined) return [];
    const ids = (raw as { ids?: unknown }).ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw new ValidationError({
        field: key,
        reason: 'the stored index record is not a list of ids',
        fix: 'restore the store from a backup; index records are written only by Growth Hub',
      });
    }
    return ids;
  }

  #parse(value: unknown): T {
    const result = this.#definition.schema.safeParse(value);
    if (!result.success) {
      throw ValidationError.fromZodError(result.error, {
        subject: this.#definition.name,
        fix: `pass a record that matches the ${this.#definition.name} schema`,
      });
    }
    return result.data;
  }

  #idOf(record: T): string {
    return this.#definition.idOf(record);
  }

  #recordKey(id: string): string {
    return `rec:${this.#definition.name}:${id}`;
  }

  #indexKey(tenant: string): string {
    return `idx:${this.#definition.name}:${tenant}`;
  }

  #tenantsKey(): string {
    return `tenants:${this.#definition.name}`;
  }
}

/** Cuts one page out of a sorted id list; the cursor is the last id handed out. */
export function pageOf(sortedIds: string[], request: PageRequest): { slice: string[]; nextCursor?: string } {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError({
      field: 'limit',
      reason: `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`,
      fix: `ask for at most ${MAX_PAGE_SIZE} items per page and follow nextCursor`,
    });
  }
  const start = request.cursor === undefined ? 0 : firstAfter(sortedIds, decodeCursor(request.cursor));
  const slice = sortedIds.slice(start, start + limit);
  const last = slice.at(-1);
  if (start + limit >= sortedIds.length || last === undefined) return { slice };
  return { slice, nextCursor: Buffer.from(last, 'utf8').toString('base64url') };
}

const COLLECTION_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

function decodeCursor(cursor: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new ValidationError({
      field: 'cursor',
      reason: 'is not a cursor returned by this store',
      fix: 'pass the nextCursor of the previous page unchanged',
    });
  }
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

function firstAfter(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertSorted(sorted: string[], value: string): boolean {
  const position = firstAfter(sorted, value);
  if (position > 0 && sorted[position - 1] === value) return false;
  sorted.splice(position, 0, value);
  return true;
}

function removeSorted(sorted: string[], value: string): boolean {
  const position = firstAfter(sorted, value) - 1;
  if (position < 0 || sorted[position] !== value) return false;
  sorted.splice(position, 1);
  return true;
}
