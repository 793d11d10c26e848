/**
 * `@growthhub/core/redis`: the Redis-backed store, in its own entry so that `@growthhub/core` never
 * loads a Redis client. Needs the optional peer dependency `@keyv/redis`.
 *
 * @module
 */
export { type RedisStoreOptions, redisStore } from './redis-store';
