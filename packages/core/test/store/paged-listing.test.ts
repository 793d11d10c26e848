import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../../src/contracts/store';
import { collectPaged, eachPaged } from '../../src/store/index';

/** A listing of `total` numbered items served `limit` at a time, recording each request. */
function listing(total: number) {
  const requests: PageRequest[] = [];
  const read = async (request: PageRequest) => {
    requests.push(request);
    const start = request.cursor === undefined ? 0 : Number(request.cursor);
    const end = Math.min(total, start + (request.limit ?? 100));
    const items = Array.from({ length: end - start }, (_, i) => start + i);
    return end < total ? { items, nextCursor: String(end) } : { items };
  };
  return { read, requests };
}

describe('paged listings', () => {
  it('walks every page in order, passing the cursor of the previous page and the page size', async () => {
    const { read, requests } = listing(7);
    expect(await collectPaged(read, 3)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(requests).toEqual([{ limit: 3 }, { limit: 3, cursor: '3' }, { limit: 3, cursor: '6' }]);
  });

  it('reads only as many pages as the caller consumes', async () => {
    const { read, requests } = listing(1_000);
    for await (const item of eachPaged(read, 10)) if (item === 4) break;
    expect(requests).toHaveLength(1);
  });

  it('asks once for an empty listing', async () => {
    const { read, requests } = listing(0);
    expect(await collectPaged(read)).toEqual([]);
    expect(requests).toEqual([{ limit: 500 }]);
  });
});
