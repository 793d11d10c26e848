import type { LockBackend } from '../lock-backend';

/** The few node-redis commands the Redis store uses, typed structurally. Internal. */
export interface RedisCommandClient {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
}

/**
 * Locks on a Redis server, atomic across every process that shares it: taken with `SET key owner NX PX
 * ttl`; released and extended by Lua scripts that compare the owner token and act in one step, so a
 * holder whose lock lapsed can never release or extend the next owner's lock.
 */
export class RedisLockBackend implements LockBackend {
  readonly #client: () => Promise<RedisCommandClient>;
  readonly #prefix: string;

  constructor(client: () => Promise<RedisCommandClient>, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async tryAcquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const client = await this.#client();
    const reply = await client.set(this.#key(name), owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK';
  }

  async release(name: string, owner: string): Promise<boolean> {
    const client = await this.#client();
    const reply = await client.eval(COMPARE_AND_DELETE, { keys: [this.#key(name)], arguments: [owner] });
    return Number(reply) === 1;
  }

  async extend(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const client = await this.#client();
    const reply = await client.eval(COMPARE_AND_EXPIRE, {
      keys: [this.#key(name)],
      arguments: [owner, String(ttlMs)],
    });
    return Number(reply) === 1;
  }

  #key(name: string): string {
    return `${this.#prefix}lock:${name}`;
  }
}

const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const COMPARE_AND_EXPIRE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
