import KeyvRedis from '@keyv/redis';
import type { Store } from '../../contracts/store';
import { ConfigError } from '../../errors/index';
import { assembleKeyvStore, createKeyv } from '../keyv-store';
import { type RedisCommandClient, RedisLockBackend } from './redis-lock-backend';

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key (`<namespace>::…`), so several apps can share one server (default `growthhub`). */
  namespace?: string;
  /** Give up connecting after this many milliseconds (default 10 000). */
  connectTimeoutMs?: number;
}

/**
 * A {@link Store} on a Redis server, for hosts that run several processes. Values and records go
 * through keyv (`@keyv/redis`); locks are atomic on the server (`SET NX PX` with a random owner token,
 * owner-checked release and extension in Lua), so two processes never both hold a lock and single-use
 * values are handed to exactly one taker.
 *
 * Install the optional peer dependency first: `npm i @keyv/redis@5`.
 *
 * @param url - e.g. `redis://127.0.0.1:6379` or `rediss://user:password@host:6380/0`.
 *
 * @example
 * ```ts
 * import { redisStore } from '@growthhub/core/redis';
 * const store = redisStore(process.env.REDIS_URL!);
 * ```
 */
export function redisStore(url: string, options: RedisStoreOptions = {}): Store {
  if (typeof url !== 'string' || !/^rediss?:\/\//.test(url)) {
    throw new ConfigError({
      setting: 'redisStore url',
      reason: 'it is missing or is not a redis:// or rediss:// URL',
      fix: 'pass the server URL, e.g. redisStore("redis://127.0.0.1:6379")',
    });
  }
  const namespace = options.namespace ?? 'growthhub';
  const adapter = new KeyvRedis<unknown>(url, {
    namespace,
    throwOnErrors: true,
    throwOnConnectError: true,
    connectionTimeout: options.connectTimeoutMs ?? 10_000,
  });
  const client = async () => (await adapter.getClient()) as unknown as RedisCommandClient;
  const prefix = `${namespace}${adapter.keyPrefixSeparator}`;
  return assembleKeyvStore({
    kind: 'redis',
    keyv: createKeyv(adapter, namespace, { prefixKeys: false }),
    locks: new RedisLockBackend(client, prefix),
    entries: () => scanEntries(client, prefix),
    close: () => adapter.disconnect(),
  });
}

async function* scanEntries(
  connect: () => Promise<RedisCommandClient>,
  prefix: string,
): AsyncGenerator<[string, unknown]> {
  const client = await connect();
  for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 200 })) {
    for (const key of Array.isArray(batch) ? batch : [batch]) {
      const value = await client.get(key);
      if (value !== null) yield [key, value];
    }
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
