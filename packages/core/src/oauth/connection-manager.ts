import { z } from 'zod';
import type { Page, PageRequest, Store } from '../contracts/store';
import { ConfigError, ValidationError } from '../errors/index';
import type { GrowthEventBus } from '../events/event-bus';
import type { AccessTokenSource } from '../http/index';
import { type Logger, silentLogger } from '../logging/index';
import type { Connection } from '../model/connection';
import { IdSchema } from '../model/identifier';
import { type PlatformId, PlatformIdSchema } from '../model/platform';
import { connectionRepository } from '../store/connection-repository';
import type { TokenVault } from '../vault/token-vault';
import { AuthorizationStates } from './authorization-states';
import { completeConnection } from './connection-completion';
import { oauthGrantRepository } from './oauth-grant-record';
import { type OAuthPlatform, type ResolvedOAuthPlatform, resolvePlatforms } from './oauth-platforms';
import { createPkcePair } from './pkce';
import { TokenEndpoint } from './token-endpoint';
import { TokenRefresher } from './token-refresher';

/** Options of {@link createConnectionManager}. */
export interface ConnectionManagerOptions {
  /** The platforms users can connect: platform adapters, or anything with `{ id, oauth }`. */
  platforms: readonly OAuthPlatform[];
  /** Where connections, pending states and sealed tokens are kept. */
  store: Store;
  /** Seals tokens at rest (`createTokenVault`). */
  vault: TokenVault;
  /** Receives `connection.connected`, `connection.expired` and `connection.revoked`. */
  events: GrowthEventBus;
  /** The fetch used for token endpoints and account discovery (default: the global fetch). */
  fetch?: typeof fetch;
  /** The current time (default: `() => new Date()`); injectable for tests. */
  clock?: () => Date;
  /** Redacting logger (default: silent). Never receives a token. */
  logger?: Logger;
  /** How long a started authorization may take (default 10 minutes). */
  stateTtlMs?: number;
  /** Timeout of each token endpoint call (default 15 s). */
  requestTimeoutMs?: number;
  /**
   * The cross-process refresh lock: its TTL (default 30 s, or `requestTimeoutMs` + 10 s when that is
   * longer) and how long to wait for it (default 35 s).
   * The TTL must exceed `requestTimeoutMs` by at least 5 s, so the lock cannot expire while a refresh is
   * still talking to the token endpoint (another process would then refresh with the same, rotating,
   * refresh token); a shorter TTL fails at startup with a `ConfigError`.
   */
  refreshLock?: { ttlMs?: number; waitMs?: number };
  /**
   * The link put in `connection.expired` events, e.g. the host's own "reconnect" page. By default a
   * fresh authorize URL (valid for `stateTtlMs`) for the same store, user, scopes and redirect URI.
   */
  reconnectUrl?: (connection: Connection) => string | undefined | Promise<string | undefined>;
}

/** Input of {@link ConnectionManager.begin}. */
export const BeginConnectionInputSchema = z.strictObject({
  platform: PlatformIdSchema,
  /** The host's store (tenant). */
  storeId: IdSchema,
  /** The host's user who is connecting. */
  userId: IdSchema,
  /** One of the redirect URIs registered in the platform's OAuth client. */
  redirectUri: z.url(),
  /** Scopes to request instead of the platform's defaults. */
  scopes: z.array(z.string().min(1)).min(1).optional(),
  /** Reconnect this existing connection (same store and platform) instead of creating a new one. */
  connectionId: IdSchema.optional(),
});

/** Input of {@link ConnectionManager.begin}; see {@link BeginConnectionInputSchema}. */
export type BeginConnectionInput = z.input<typeof BeginConnectionInputSchema>;

/** Input of {@link ConnectionManager.complete}: what the platform sent to the callback. */
export const CompleteConnectionInputSchema = z.strictObject({
  platform: PlatformIdSchema,
  /** The `code` (or TikTok Ads' `auth_code`) query parameter of the callback. */
  code: z.string().min(1).max(4096),
  /** The `state` query parameter of the callback. */
  state: z.string().min(1).max(512),
  /** The callback's own URI; when given it must be the one the flow began with. */
  redirectUri: z.url().optional(),
});

/** Input of {@link ConnectionManager.complete}; see {@link CompleteConnectionInputSchema}. */
export type CompleteConnectionInput = z.input<typeof CompleteConnectionInputSchema>;

/** The result of {@link ConnectionManager.begin}. */
export interface BegunConnection {
  /** Send the user's browser here. */
  url: string;
  /** When the flow must be completed by (ISO 8601). */
  expiresAt: string;
}

/**
 * Connects tenants' platform accounts by OAuth and keeps their tokens usable. One engine runs every
 * platform's declarative `OAuthSpec`.
 */
export interface ConnectionManager {
  /** Starts a connection: returns the platform's authorize URL with a fresh single-use state and PKCE challenge. */
  begin(input: BeginConnectionInput): Promise<BegunConnection>;
  /** Finishes a connection from the callback's `code` and `state`; returns the stored connection. */
  complete(input: CompleteConnectionInput & { signal?: AbortSignal }): Promise<Connection>;
  /** A valid access token for the connection (or one of its accounts), refreshed first when needed. */
  getAccessToken(connectionId: string, options?: { accountId?: string }): Promise<string>;
  /** The connection's tokens as an `AccessTokenSource` for the HTTP kernel (one refresh after a 401). */
  credentials(connectionId: string, options?: { accountId?: string }): AccessTokenSource;
  /** Revokes at the platform (best effort), then deletes the connection and its tokens; emits `connection.revoked`. */
  revoke(connectionId: string): Promise<void>;
  /** One connection, or `undefined`. */
  get(connectionId: string): Promise<Connection | undefined>;
  /** One page of a store's connections. */
  list(storeId: string, page?: PageRequest): Promise<Page<Connection>>;
}

/**
 * Creates the {@link ConnectionManager}. Validates every platform's OAuth spec at once, so a wrong
 * client id, URL or parameter name fails at startup with a `ConfigError`.
 *
 * @example
 * ```ts
 * const connections = createConnectionManager({ platforms: [x({ clientId, clientSecret, redirectUri })],
 *   store, vault: createTokenVault({ keys: [process.env.GROWTHHUB_KEY!], store }), events });
 * const { url } = await connections.begin({ platform: 'x', storeId, userId, redirectUri });
 * // ...the callback route:
 * const connection = await connections.complete({ platform: 'x', code, state });
 * ```
 */
export function createConnectionManager(options: ConnectionManagerOptions): ConnectionManager {
  const platforms = resolvePlatforms(options.platforms);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const now = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const stateTtlMs = positive('stateTtlMs', options.stateTtlMs, 10 * 60_000);
  const timeoutMs = positive('requestTimeoutMs', options.requestTimeoutMs, 15_000);
  const { store, vault, events } = options;
  const connections = store.repository(connectionRepository);
  const grants = store.repository(oauthGrantRepository);
  const states = new AuthorizationStates({ store, vault, ttlMs: stateTtlMs, now: () => now().getTime() });
  const endpoints = new Map<string, TokenEndpoint>(
    [...platforms.values()].map((platform) => [
      platform.id,
      new TokenEndpoint(platform, fetchFunction, timeoutMs),
    ]),
  );

  const begin = async (input: BeginConnectionInput): Promise<BegunConnection> => {
    const parsed = parseInput(BeginConnectionInputSchema, input, 'begin');
    const platform = platformOf(platforms, parsed.platform);
    const { spec } = platform;
    if (!spec.client.redirectUris.includes(parsed.redirectUri)) {
      throw new ValidationError({
        field: 'redirectUri',
        reason: `${parsed.redirectUri} is not a redirect URI registered for ${platform.id}`,
        fix: `use one of the adapter's redirect URIs (${spec.client.redirectUris.join(', ')}), or register it at the platform and in the adapter settings`,
      });
    }
    if (parsed.connectionId !== undefined) {
      const existing = await connections.get(parsed.connectionId);
      if (existing?.storeId !== parsed.storeId || existing.platform !== platform.id) {
        throw new ValidationError({
          field: 'connectionId',
          reason: `there is no ${platform.id} connection "${parsed.connectionId}" in store "${parsed.storeId}"`,
          fix: 'pass the id of a connection of this store and platform, or leave connectionId out to connect anew',
        });
      }
    }
    const scopes = parsed.scopes ?? [...spec.scopes];
    const pkce = spec.pkce ? createPkcePair() : undefined;
    const { state, expiresAt } = await states.issue(
      {
        platform: platform.id,
        storeId: parsed.storeId,
        userId: parsed.userId,
        redirectUri: parsed.redirectUri,
        scopes,
        ...(parsed.connectionId === undefined ? {} : { connectionId: parsed.connectionId }),
      },
      pkce?.verifier,
    );
    const url = new URL(spec.authorizeUrl);
    url.searchParams.set(spec.clientIdParam, spec.client.id);
    if (spec.responseType !== false) url.searchParams.set('response_type', spec.responseType);
    url.searchParams.set('redirect_uri', parsed.redirectUri);
    if (scopes.length > 0) url.searchParams.set('scope', scopes.join(spec.scopeSeparator));
    url.searchParams.set('state', state);
    if (pkce !== undefined) {
      url.searchParams.set('code_challenge', pkce.challenge);
      url.searchParams.set('code_challenge_method', 'S256');
    }
    for (const [name, value] of Object.entries(spec.authorizeParams)) url.searchParams.set(name, value);
    return { url: url.toString(), expiresAt: new Date(expiresAt).toISOString() };
  };

  const reconnectUrl = async (connection: Connection): Promise<string | undefined> => {
    if (options.reconnectUrl !== undefined) return (await options.reconnectUrl(connection)) ?? undefined;
    const grant = await grants.get(connection.id);
    if (grant === undefined) return undefined;
    const scopes = [...connection.scopes, ...connection.missingScopes];
    const { url } = await begin({
      platform: connection.platform,
      storeId: connection.storeId,
      userId: connection.userId,
      redirectUri: grant.redirectUri,
      connectionId: connection.id,
      ...(scopes.length > 0 ? { scopes } : {}),
    });
    return url;
  };

  const refresher = new TokenRefresher({
    store,
    vault,
    connections,
    platforms,
    endpoints,
    events,
    logger,
    now,
    lockTtlMs: refreshLockTtl(options.refreshLock?.ttlMs, timeoutMs),
    lockWaitMs: positive('refreshLock.waitMs', options.refreshLock?.waitMs, 35_000),
    reconnectUrl,
  });

  return {
    begin,
    async complete(input) {
      const { signal, ...rest } = input;
      const parsed = parseInput(CompleteConnectionInputSchema, rest, 'complete');
      const platform = platformOf(platforms, parsed.platform);
      return completeConnection(
        { states, vault, connections, grants, events, logger, fetch: fetchFunction, now },
        platform,
        endpoints.get(platform.id) as TokenEndpoint,
        { ...parsed, ...(signal === undefined ? {} : { signal }) },
      );
    },
    getAccessToken: (connectionId, tokenOptions = {}) => refresher.accessToken(connectionId, tokenOptions),
    credentials(connectionId, tokenOptions = {}) {
      let lastToken: string | undefined;
      return {
        async getAccessToken() {
          lastToken = await refresher.accessToken(connectionId, tokenOptions);
          return lastToken;
        },
        async refreshAfterUnauthorized() {
          const refused = lastToken ?? (await refresher.accessToken(connectionId, tokenOptions));
          lastToken = await refresher.accessToken(connectionId, { ...tokenOptions, refusedToken: refused });
          return lastToken;
        },
      };
    },
    async revoke(connectionId) {
      const connection = await connections.get(connectionId);
      if (connection === undefined) return;
      const platform = platforms.get(connection.platform);
      await revokeAtPlatform(platform, platform && endpoints.get(platform.id), vault, connection, logger);
      await vault.delete(connectionId);
      await grants.delete(connectionId);
      await connections.delete(connectionId);
      try {
        events.emit('connection.revoked', {
          at: now().toISOString(),
          storeId: connection.storeId,
          connectionId,
          platform: connection.platform,
          by: 'host',
        });
      } catch (listenerError) {
        logger.error('A connection.revoked listener threw', { error: String(listenerError) });
      }
    },
    get: (connectionId) => connections.get(connectionId),
    list: (storeId, page) => connections.list(storeId, page),
  };
}

async function revokeAtPlatform(
  platform: ResolvedOAuthPlatform | undefined,
  endpoint: TokenEndpoint | undefined,
  vault: TokenVault,
  connection: Connection,
  logger: Logger,
): Promise<void> {
  if (platform?.spec.revokeUrl === undefined || endpoint === undefined) return;
  try {
    const tokens = await vault.read(connection.id);
    if (tokens === undefined) return;
    const useRefresh = platform.spec.revokeToken === 'refresh_token' && tokens.refreshToken !== undefined;
    await endpoint.revoke(
      useRefresh ? (tokens.refreshToken as string) : tokens.accessToken,
      useRefresh ? 'refresh_token' : 'access_token',
    );
  } catch (error) {
    // Best effort: the local deletion must happen even when the platform is down or refuses.
    logger.warn('Revoking at the platform failed; deleting locally anyway', {
      platform: connection.platform,
      connectionId: connection.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function platformOf(
  platforms: ReadonlyMap<PlatformId, ResolvedOAuthPlatform>,
  id: PlatformId,
): ResolvedOAuthPlatform {
  const platform = platforms.get(id);
  if (platform === undefined) {
    throw new ValidationError({
      field: 'platform',
      reason: `"${id}" is not one of the platforms this engine was given (${[...platforms.keys()].join(', ')})`,
      fix: `pass the ${id} adapter in platforms`,
    });
  }
  return platform;
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZodError(result.error, { subject });
  return result.data;
}

/** How much longer than one token request the refresh lock must live (the vault and store writes after it). */
const REFRESH_LOCK_SLACK_MS = 5_000;

function refreshLockTtl(value: number | undefined, requestTimeoutMs: number): number {
  const ttlMs = positive(
    'refreshLock.ttlMs',
    value,
    Math.max(30_000, requestTimeoutMs + 2 * REFRESH_LOCK_SLACK_MS),
  );
  if (ttlMs < requestTimeoutMs + REFRESH_LOCK_SLACK_MS) {
    throw new ConfigError({
      setting: 'refreshLock.ttlMs',
      reason: `must exceed requestTimeoutMs (${requestTimeoutMs} ms) by at least ${REFRESH_LOCK_SLACK_MS} ms, got ${ttlMs} ms; a lock that expires during a refresh lets another process refresh with the same refresh token`,
      fix: `set refreshLock.ttlMs to at least ${requestTimeoutMs + REFRESH_LOCK_SLACK_MS}, or lower requestTimeoutMs`,
    });
  }
  return ttlMs;
}

function positive(setting: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError({
      setting,
      reason: `must be a positive whole number of milliseconds, got ${String(value)}`,
      fix: 'leave it out for the default',
    });
  }
  return value;
}
