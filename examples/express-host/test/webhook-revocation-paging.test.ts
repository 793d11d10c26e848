import { randomBytes } from 'node:crypto';
import { createGrowthEngine, inMemoryCatalog } from '@growthhub/agents';
import { type Connection, connectionRepository, memoryStore, silentLogger } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { describe, expect, it } from 'vitest';
import type { HostContext } from '../src/host-context';
import { handleWebhookEvents } from '../src/publishing/webhook-events';
import { demoCatalog } from '../src/sandbox/demo-catalog';

describe('revocation webhook: every connection of the revoked account ends, however many a store has', () => {
  it('pages past the first 500 connections of a store', async () => {
    const store = memoryStore();
    const engine = createGrowthEngine({
      platforms: [x({ clientId: 'id', clientSecret: 'secret', redirectUri: 'http://127.0.0.1/connect/x' })],
      store,
      encryptionKeys: [randomBytes(32).toString('base64')],
      catalog: inMemoryCatalog(demoCatalog()),
    });
    const connections = store.repository(connectionRepository);
    const at = new Date('2025-01-01T00:00:00.000Z').toISOString();
    const total = 503;
    for (let index = 0; index < total; index += 1) {
      const connection: Connection = {
        id: `conn-${String(index).padStart(4, '0')}`,
        storeId: 'busy-store',
        userId: 'owner',
        platform: 'x',
        status: 'connected',
        accounts: [{ id: 'revoked-account', kind: 'user', name: 'shop' }],
        scopes: ['tweet.write'],
        missingScopes: [],
        createdAt: at,
        updatedAt: at,
      };
      await connections.put(connection);
    }
    const context = { engine, logger: silentLogger } as unknown as HostContext;

    await handleWebhookEvents(context, [
      {
        platform: 'x',
        kind: 'authorization.revoked',
        type: 'user_event.revoke',
        accountId: 'revoked-account',
        data: {},
      },
    ]);

    const left = await engine.connections.list('busy-store', { limit: 500 });
    expect(left.items).toEqual([]);
  });
});
