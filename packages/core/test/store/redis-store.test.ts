import { randomBytes } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisStore } from '../../src/store/redis/index';
import { runStoreConformance } from '../../src/testing/store-conformance';

const redisUrl = process.env.REDIS_URL;
const skipReason = redisUrl ? undefined : 'set REDIS_URL to run';
const namespaces: string[] = [];

function freshNamespace(): string {
  const namespace = `growthhub-test-${randomBytes(6).toString('hex')}`;
  namespaces.push(namespace);
  return namespace;
}

runStoreConformance('redis store', () => redisStore(redisUrl as string, { namespace: freshNamespace() }), {
  ...(skipReason === undefined ? {} : { skipReason }),
});

describe.skipIf(!redisUrl)(`redis store${redisUrl ? '' : ' (skipped: set REDIS_URL to run)'}`, () => {
  afterAll(async () => {
    const client = createClient({ url: redisUrl });
    await client.connect();
    for (const namespace of namespaces) {
      for await (const batch of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) {
        if (batch.length > 0) await client.del(batch);
      }
    }
    await client.destroy();
  });

  it('keeps locks as server keys with a millisecond expiry and an owner token', async () => {
    const namespace = freshNamespace();
    const store = redisStore(redisUrl as string, { namespace });
    const lock = await store.acquireLock('publish:post-1', 30_000);
    const client = createClient({ url: redisUrl });
    await client.connect();
    expect(await client.get(`${namespace}::lock:publish:post-1`)).toBe(lock?.owner);
    const ttl = await client.pTTL(`${namespace}::lock:publish:post-1`);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await lock?.release();
    expect(await client.exists(`${namespace}::lock:publish:post-1`)).toBe(0);
    await client.destroy();
    await store.close();
  });

  it('shares data between two store instances, as two processes would', async () => {
    const namespace = freshNamespace();
    const first = redisStore(redisUrl as string, { namespace });
    const second = redisStore(redisUrl as string, { namespace });
    await first.values.set('shared', { from: 'first' });
    expect(await second.values.get('shared')).toEqual({ from: 'first' });
    const held = await first.acquireLock('shared-lock', 10_000);
    expect(await second.acquireLock('shared-lock', 10_000)).toBeUndefined();
    await held?.release();
    await first.close();
    await second.close();
  });

  it('rejects a URL that is not redis:// with a ConfigError', () => {
    expect(() => redisStore('http://127.0.0.1:6379')).toThrowError(/redisStore url/);
  });
});
