import type {
  ConnectionManager,
  HttpClient,
  HttpRetryOptions,
  Logger,
  PlatformAdapter,
  PlatformId,
  RateLimitRule,
} from '@growthhub/core';
import { collectPaged, createHttpClient, createRateLimiter, ValidationError } from '@growthhub/core';
import type { PlatformDirectory } from '../social/platform-directory';

/** Settings of {@link createPlatformRuntime}. */
export interface PlatformRuntimeOptions {
  readonly adapters: readonly PlatformAdapter[];
  readonly connections: ConnectionManager;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  readonly retry?: HttpRetryOptions;
  readonly timeoutMs?: number;
}

/**
 * The engine's side of platforms for the agents: one HTTP kernel per platform (with the adapter's
 * `mapError` and `readUsage`) sharing one rate limiter loaded with every adapter's published limits, and
 * publishers built per connected account with the connection manager's refreshing credentials.
 */
export function createPlatformRuntime(options: PlatformRuntimeOptions): PlatformDirectory {
  const adapters = new Map<PlatformId, PlatformAdapter>(
    options.adapters.map((adapter) => [adapter.id, adapter]),
  );
  const rules: RateLimitRule[] = options.adapters.flatMap((adapter) =>
    adapter.capabilities.rateLimits.map((rule) => ({ ...rule, platform: rule.platform ?? adapter.id })),
  );
  const rateLimiter = createRateLimiter({ rules });
  const clients = new Map<PlatformId, HttpClient>();
  const clientOf = (adapter: PlatformAdapter): HttpClient => {
    let client = clients.get(adapter.id);
    if (client === undefined) {
      client = createHttpClient({
        platform: adapter.id,
        rateLimiter,
        logger: options.logger,
        ...(adapter.mapError === undefined ? {} : { mapError: adapter.mapError }),
        ...(adapter.readUsage === undefined
          ? {}
          : { readUsage: (headers: Headers) => adapter.readUsage?.(headers) }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.retry === undefined ? {} : { retry: options.retry }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      clients.set(adapter.id, client);
    }
    return client;
  };

  return {
    platformIds: [...adapters.keys()],
    adapter: (platform) => adapters.get(platform),
    connection: (connectionId) => options.connections.get(connectionId),
    connectionsOf: (storeId) => collectPaged((page) => options.connections.list(storeId, page)),
    publisher(connection, accountId, signal) {
      const adapter = adapters.get(connection.platform);
      if (adapter?.social === undefined) {
        throw new ValidationError({
          field: 'platform',
          reason: `the engine has no ${connection.platform} adapter with social publishing`,
          fix: `pass the ${connection.platform} adapter in platforms`,
        });
      }
      return adapter.social({
        connection,
        credentials: options.connections.credentials(connection.id, { accountId }),
        http: clientOf(adapter),
        logger: options.logger,
        ...(signal === undefined ? {} : { signal }),
      });
    },
  };
}
