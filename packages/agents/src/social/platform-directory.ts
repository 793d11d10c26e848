import type { Connection, PlatformAdapter, PlatformId, SocialPublisher } from '@growthhub/core';

/**
 * What the Social Agent needs from the engine about platforms: the adapters, the store's
 * connections, and a ready `SocialPublisher` for one connected account (with its credentials, the
 * shared HTTP kernel and rate limiter). The engine implements it; tests can too.
 */
export interface PlatformDirectory {
  /** Platform ids the engine was given, in order. */
  readonly platformIds: readonly PlatformId[];
  /** The adapter of a platform, or `undefined` when the engine was not given it. */
  adapter(platform: PlatformId): PlatformAdapter | undefined;
  /** One connection, or `undefined`. */
  connection(connectionId: string): Promise<Connection | undefined>;
  /** Every connection of a store (all pages). */
  connectionsOf(storeId: string): Promise<Connection[]>;
  /** A publisher acting as `accountId` of `connection`; throws a `ValidationError` when the adapter has no `social`. */
  publisher(connection: Connection, accountId: string, signal?: AbortSignal): SocialPublisher;
}
