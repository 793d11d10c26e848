import { describe, expect, it } from 'vitest';
import { connectionRepository, keyvStore, memoryStore } from '../../src/store/index';
import { runStoreConformance } from '../../src/testing/store-conformance';

runStoreConformance('memory store', () => memoryStore());

runStoreConformance('keyv store on a plain Map adapter', () => keyvStore(mapAdapter(), { kind: 'map' }));

describe('memory store', () => {
  it('reports its kind and keeps connections per tenant', async () => {
    const store = memoryStore();
    expect(store.kind).toBe('memory');
    const connections = store.repository(connectionRepository);
    const now = new Date().toISOString();
    await connections.put({
      id: 'conn-1',
      storeId: 'shop-1',
      userId: 'user-1',
      platform: 'x',
      status: 'connected',
      accounts: [],
      scopes: ['tweet.read'],
      missingScopes: [],
      createdAt: now,
      updatedAt: now,
    });
    expect((await connections.list('shop-1')).items.map((connection) => connection.id)).toEqual(['conn-1']);
    await store.close();
  });
});

/** A minimal keyv-format adapter, as a third-party keyv store would be. */
function mapAdapter() {
  const map = new Map<string, unknown>();
  return {
    opts: {},
    get: async (key: string) => map.get(key),
    set: async (key: string, value: unknown) => {
      map.set(key, value);
    },
    delete: async (key: string) => map.delete(key),
    clear: async () => map.clear(),
    iterator: async function* () {
      yield* map.entries();
    },
  };
}
