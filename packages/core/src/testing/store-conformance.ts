import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RepositoryDefinition, Store } from '../contracts/store';
import { ValidationError } from '../errors/index';

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /**
   * Report the whole suite as skipped with this reason (e.g. `set REDIS_URL to run`), for backends
   * that are not available where the tests run.
   */
  skipReason?: string;
}

/**
 * The behaviours every {@link Store} implementation must have, as a vitest suite: repository CRUD and
 * validation, per-tenant paging, tenant moves, atomic updates, expiring values and single-use `take`,
 * lock contention, lock expiry, owner-checked release and extension, and `entries()`.
 *
 * Call it once per implementation from a test file. `createStore` is called before every test and must
 * return an empty store that no other test uses (e.g. a fresh file or a unique Redis namespace); the
 * suite closes it after the test.
 *
 * @example
 * ```ts
 * import { runStoreConformance } from '@growthhub/core/testing';
 * runStoreConformance('memory store', () => memoryStore());
 * ```
 */
export function runStoreConformance(
  name: string,
  createStore: () => Store | Promise<Store>,
  options: StoreConformanceOptions = {},
): void {
  if (options.skipReason !== undefined) {
    describe.skip(`${name} (skipped: ${options.skipReason})`, () => {
      it('conforms to the Store contract', () => undefined);
    });
    return;
  }
  describe(`${name} conforms to the Store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describeRepositories(() => store);
    describeValues(() => store);
    describeLocks(() => store);

    it('lists every stored key and value through entries()', async () => {
      await store.values.set('audit-probe', { marker: 'conformance-entry-marker' });
      const dump: string[] = [];
      for await (const entry of store.entries()) dump.push(`${entry.key}=${JSON.stringify(entry.value)}`);
      expect(
        dump.some((line) => line.includes('audit-probe') && line.includes('conformance-entry-marker')),
      ).toBe(true);
    });
  });
}

const NoteSchema = z.strictObject({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  title: z.string(),
  count: z.number().int(),
});

type Note = z.infer<typeof NoteSchema>;

const notes: RepositoryDefinition<Note> = {
  name: 'conformance-notes',
  schema: NoteSchema,
  idOf: (note) => note.id,
  tenantOf: (note) => note.tenantId,
};

function note(id: string, tenantId: string, count = 0): Note {
  return { id, tenantId, title: `note ${id}`, count };
}

function describeRepositories(current: () => Store): void {
  it('creates, reads, replaces and deletes a record', async () => {
    const repository = current().repository(notes);
    expect(await repository.get('n1')).toBeUndefined();
    expect(await repository.put(note('n1', 'shop-a'))).toEqual(note('n1', 'shop-a'));
    expect(await repository.get('n1')).toEqual(note('n1', 'shop-a'));
    await repository.put({ ...note('n1', 'shop-a'), title: 'renamed' });
    expect((await repository.get('n1'))?.title).toBe('renamed');
    expect(await repository.delete('n1')).toBe(true);
    expect(await repository.get('n1')).toBeUndefined();
    expect(await repository.delete('n1')).toBe(false);
    expect((await repository.list('shop-a')).items).toEqual([]);
  });

  it('rejects a record that does not match the schema with a ValidationError', async () => {
    const repository = current().repository(notes);
    const invalid = { id: 'n1', tenantId: 'shop-a', title: 'x', count: 1.5 } as Note;
    const error = await repository.put(invalid).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(await repository.get('n1')).toBeUndefined();
  });

  it('pages through a tenant in id order without gaps or repeats, isolated from other tenants', async () => {
    const repository = current().repository(notes);
    const ids = Array.from({ length: 23 }, (_, index) => `n${String(index).padStart(2, '0')}`);
    for (const id of [...ids].reverse()) await repository.put(note(id, 'shop-a'));
    await repository.put(note('other', 'shop-b'));

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await repository.list(
        'shop-a',
        cursor === undefined ? { limit: 10 } : { limit: 10, cursor },
      );
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== undefined);

    expect(sizes).toEqual([10, 10, 3]);
    expect(seen).toEqual(ids);
    expect((await repository.list('shop-b')).items.map((item) => item.id)).toEqual(['other']);
    expect((await repository.listTenants()).items).toEqual(['shop-a', 'shop-b']);
  });

  it('keeps the tenant index current when a record moves tenant or a tenant empties', async () => {
    const repository = current().repository(notes);
    await repository.put(note('n1', 'shop-a'));
    await repository.put(note('n1', 'shop-b'));
    expect((await repository.list('shop-a')).items).toEqual([]);
    expect((await repository.list('shop-b')).items.map((item) => item.id)).toEqual(['n1']);
    expect((await repository.listTenants()).items).toEqual(['shop-b']);
    await repository.delete('n1');
    expect((await repository.listTenants()).items).toEqual([]);
  });

  it('applies concurrent updates one after another so none is lost', async () => {
    const repository = current().repository(notes);
    await repository.put(note('counter', 'shop-a'));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        repository.update('counter', (currentNote) => ({ ...currentNote, count: currentNote.count + 1 })),
      ),
    );
    expect((await repository.get('counter'))?.count).toBe(20);
    expect(await repository.update('missing', (currentNote) => currentNote)).toBeUndefined();
  });

  it('indexes a record exactly once when the same new record is put concurrently', async () => {
    const repository = current().repository(notes);
    await Promise.all(Array.from({ length: 10 }, () => repository.put(note('same', 'shop-a'))));
    expect((await repository.list('shop-a')).items.map((item) => item.id)).toEqual(['same']);
  });
}

function describeValues(current: () => Store): void {
  it('stores, reads and deletes values', async () => {
    const { values } = current();
    await values.set('greeting', { text: 'hello', n: 1 });
    expect(await values.get('greeting')).toEqual({ text: 'hello', n: 1 });
    expect(await values.delete('greeting')).toBe(true);
    expect(await values.get('greeting')).toBeUndefined();
  });

  it('forgets a value once its time to live has passed', async () => {
    const { values } = current();
    await values.set('short-lived', 'soon gone', 150);
    await values.set('long-lived', 'still here', 60_000);
    expect(await values.get('short-lived')).toBe('soon gone');
    await sleep(400);
    expect(await values.get('short-lived')).toBeUndefined();
    expect(await values.get('long-lived')).toBe('still here');
  });

  it('hands a taken value to exactly one of many concurrent takers', async () => {
    const { values } = current();
    await values.set('single-use', 'ticket');
    const taken = await Promise.all(Array.from({ length: 10 }, () => values.take('single-use')));
    expect(taken.filter((value) => value === 'ticket')).toHaveLength(1);
    expect(await values.get('single-use')).toBeUndefined();
  });
}

function describeLocks(current: () => Store): void {
  it('refuses a held lock to a second owner until the first releases it', async () => {
    const store = current();
    const first = await store.acquireLock('job', 10_000);
    expect(first).toBeDefined();
    expect(await store.acquireLock('job', 10_000)).toBeUndefined();
    expect(await first?.release()).toBe(true);
    const second = await store.acquireLock('job', 10_000);
    expect(second).toBeDefined();
    expect(second?.owner).not.toBe(first?.owner);
    await second?.release();
  });

  it('gives the lock to exactly one of many concurrent contenders', async () => {
    const store = current();
    const locks = await Promise.all(Array.from({ length: 10 }, () => store.acquireLock('contended', 10_000)));
    expect(locks.filter((lock) => lock !== undefined)).toHaveLength(1);
  });

  it('lets a lock lapse after its time to live', async () => {
    const store = current();
    expect(await store.acquireLock('lapsing', 150)).toBeDefined();
    await sleep(400);
    const next = await store.acquireLock('lapsing', 10_000);
    expect(next).toBeDefined();
    await next?.release();
  });

  it('never lets a lapsed owner release or extend the next owner lock', async () => {
    const store = current();
    const stale = await store.acquireLock('owned', 150);
    await sleep(400);
    const fresh = await store.acquireLock('owned', 10_000);
    expect(fresh).toBeDefined();
    expect(await stale?.release()).toBe(false);
    expect(await stale?.extend(10_000)).toBe(false);
    expect(await store.acquireLock('owned', 10_000)).toBeUndefined();
    expect(await fresh?.release()).toBe(true);
  });

  it('keeps an extended lock past its first time to live', async () => {
    const store = current();
    const lock = await store.acquireLock('extended', 300);
    expect(await lock?.extend(10_000)).toBe(true);
    await sleep(500);
    expect(await store.acquireLock('extended', 10_000)).toBeUndefined();
    expect(await lock?.release()).toBe(true);
  });

  it('hands a busy lock to a waiting owner once it is released', async () => {
    const store = current();
    const holder = await store.acquireLock('queue', 10_000);
    const waiting = store.acquireLock('queue', 10_000, { waitMs: 5_000 });
    await sleep(100);
    await holder?.release();
    const acquired = await waiting;
    expect(acquired).toBeDefined();
    await acquired?.release();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
