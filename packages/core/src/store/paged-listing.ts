import type { Page, PageRequest } from '../contracts/store';

/** Reads one page of a listing; see {@link eachPaged}. */
export type PageReader<T> = (request: PageRequest) => Promise<Page<T>>;

/**
 * Every item of a paged listing — a repository's `list` or `listTenants`, or the connection manager's
 * `list` — fetched page by page on demand, so callers never write the cursor loop themselves.
 *
 * @param readPage - Reads one page; receives the page size and, after the first page, the cursor.
 * @param pageSize - Items per page (1–500, the store's maximum by default).
 *
 * @example
 * ```ts
 * for await (const connection of eachPaged((page) => connections.list(storeId, page))) { ... }
 * ```
 */
export async function* eachPaged<T>(readPage: PageReader<T>, pageSize = 500): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor === undefined ? { limit: pageSize } : { limit: pageSize, cursor });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/** Every item of a paged listing as one array; see {@link eachPaged}. */
export async function collectPaged<T>(readPage: PageReader<T>, pageSize = 500): Promise<T[]> {
  const items: T[] = [];
  for await (const item of eachPaged(readPage, pageSize)) items.push(item);
  return items;
}
