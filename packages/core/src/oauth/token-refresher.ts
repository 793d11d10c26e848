import type { TokenGrant } from '../contracts/oauth-spec';
import type { Repository, Store } from '../contracts/store';
import { AuthError, GrowthError, redactSecrets, ValidationError } from '../errors/index';
import type { GrowthEventBus } from '../events/event-bus';
import type { Logger } from '../logging/index';
import type { Connection } from '../model/connection';
import type { RecordedError } from '../model/identifier';
import { LockUnavailableError } from '../store/store-lock';
import type { TokenSet } from '../vault/token-set';
import type { TokenVault } from '../vault/token-vault';
import { needsRefresh, tokenSetFromGrant } from './granted-tokens';
import { OAuthGrantError } from './oauth-errors';
import type { ResolvedOAuthPlatform } from './oauth-platforms';
import type { TokenEndpoint } from './token-endpoint';

/** What the refresher needs. Internal to the connection manager. */
export interface TokenRefresherOptions {
  store: Store;
  vault: TokenVault;
  connections: Repository<Connection>;
  platforms: ReadonlyMap<string, ResolvedOAuthPlatform>;
  endpoints: ReadonlyMap<string, TokenEndpoint>;
  events: GrowthEventBus;
  logger: Logger;
  now: () => Date;
  lockTtlMs: number;
  lockWaitMs: number;
  reconnectUrl: (connection: Connection) => Promise<string | undefined>;
}

/** Which token a caller wants, and whether the last one was just refused by the platform. */
export interface AccessTokenRequest {
  /** A discovered account whose own token should be used (a Meta Page), when it has one. */
  accountId?: string;
  /** The token the platform refused with a 401; forces a refresh unless it was already replaced. */
  refusedToken?: string;
}

/**
 * Hands out valid access tokens and refreshes them safely:
 * - early, `refreshMarginMs` before expiry;
 * - single-flight in this process (one in-flight promise per connection);
 * - under an owner-checked store lock with a TTL across processes, re-reading the tokens after taking
 *   the lock so a refresh another process just made is used instead of repeated;
 * - never replacing a refresh token with an empty one;
 * - classifying failures: temporary ones leave the connection as it is; a lost grant moves it to
 *   `expired` and emits `connection.expired` once; a rejected app config marks it `error`.
 */
export class TokenRefresher {
  readonly #options: TokenRefresherOptions;
  readonly #inFlight = new Map<string, Promise<string>>();

  constructor(options: TokenRefresherOptions) {
    this.#options = options;
  }

  async accessToken(connectionId: string, request: AccessTokenRequest = {}): Promise<string> {
    const connection = await this.#usableConnection(connectionId);
    const tokens = await this.#tokens(connection);
    const own = request.accountId === undefined ? undefined : tokens.accountTokens?.[request.accountId];
    if (own !== undefined) {
      // Account tokens (Meta Page tokens) cannot be refreshed; a refused one means reconnecting.
      if (request.refusedToken !== own.accessToken) return own.accessToken;
      return this.#failForGood(connection, 'account_token_refused', 'the platform refused the account token');
    }
    if (!this.#isStale(connection, tokens, request.refusedToken)) return tokens.accessToken;
    return this.#singleFlight(connectionId, () => this.#refreshUnderLock(connectionId, request.refusedToken));
  }

  #singleFlight(connectionId: string, refresh: () => Promise<string>): Promise<string> {
    const running = this.#inFlight.get(connectionId);
    if (running !== undefined) return running;
    const started = refresh().finally(() => this.#inFlight.delete(connectionId));
    this.#inFlight.set(connectionId, started);
    return started;
  }

  async #refreshUnderLock(connectionId: string, refusedToken: string | undefined): Promise<string> {
    const { store, lockTtlMs, lockWaitMs } = this.#options;
    const lock = await store.acquireLock(`oauth-refresh:${connectionId}`, lockTtlMs, { waitMs: lockWaitMs });
    try {
      // Re-read: while we waited, another process may have refreshed, expired or deleted the connection.
      const connection = await this.#usableConnection(connectionId);
      const tokens = await this.#tokens(connection);
      if (!this.#isStale(connection, tokens, refusedToken)) return tokens.accessToken;
      if (lock === undefined) throw new LockUnavailableError(`oauth-refresh:${connectionId}`, lockWaitMs);
      return await this.#refresh(connection, tokens);
    } finally {
      await lock?.release();
    }
  }

  async #refresh(connection: Connection, tokens: TokenSet): Promise<string> {
    const { vault, connections, logger, now } = this.#options;
    const platform = this.#platform(connection);
    let grant: TokenGrant;
    try {
      grant = await this.#obtainGrant(platform, connection, tokens);
    } catch (error) {
      return this.#handleFailure(connection, error);
    }
    const refreshed = tokenSetFromGrant(grant, {
      previous: tokens,
      now: now(),
      requestedScopes: [...connection.scopes, ...connection.missingScopes],
    });
    await vault.save({ connectionId: connection.id, storeId: connection.storeId }, refreshed);
    await connections.update(connection.id, (current) => {
      const { lastError: _cleared, expiresAt: _old, ...rest } = current;
      const expiresAt = grantExpiresAt(refreshed);
      return {
        ...rest,
        status: 'connected',
        scopes: refreshed.scopes,
        updatedAt: now().toISOString(),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
    });
    logger.info('Refreshed OAuth tokens', { platform: connection.platform, connectionId: connection.id });
    return refreshed.accessToken;
  }

  #obtainGrant(
    platform: ResolvedOAuthPlatform,
    connection: Connection,
    tokens: TokenSet,
  ): Promise<TokenGrant> {
    const endpoint = this.#options.endpoints.get(platform.id) as TokenEndpoint;
    if (tokens.refreshToken !== undefined) return endpoint.refresh(tokens.refreshToken, connection.id);
    const exchange = platform.hooks.exchangeLongLived;
    const stillValid =
      tokens.expiresAt === undefined || Date.parse(tokens.expiresAt) > this.#options.now().getTime();
    if (exchange !== undefined && stillValid) {
      return exchange({
        accessToken: tokens.accessToken,
        requestToken: (params) =>
          endpoint.request('long_lived', params, {
            secrets: [tokens.accessToken],
            connectionId: connection.id,
          }),
      });
    }
    return Promise.reject(
      new OAuthGrantError({
        platform: platform.id,
        connectionId: connection.id,
        oauthError: 'no_refresh_token',
        kind: 'reauthorize',
        description: 'the platform issued no refresh token and the access token can no longer be used',
      }),
    );
  }

  async #handleFailure(connection: Connection, error: unknown): Promise<never> {
    if (OAuthGrantError.isInstance(error) && error.kind === 'reauthorize') {
      return this.#failForGood(connection, error.oauthError, error.message, error);
    }
    const recorded = recordError(error, this.#options.now());
    await this.#options.connections.update(connection.id, (current) => ({
      ...current,
      // A rejected app config needs the host's attention; a temporary failure leaves the status alone.
      status: OAuthGrantError.isInstance(error) ? 'error' : current.status,
      lastError: recorded,
      updatedAt: recorded.at,
    }));
    this.#options.logger.warn('OAuth token refresh failed', {
      platform: connection.platform,
      connectionId: connection.id,
      code: recorded.code,
    });
    throw error;
  }

  /** Moves the connection to `expired` (emitting `connection.expired` only on the first transition) and throws. */
  async #failForGood(
    connection: Connection,
    reason: string,
    message: string,
    cause?: unknown,
  ): Promise<never> {
    const { connections, events, logger, now } = this.#options;
    let transitioned = false;
    const at = now().toISOString();
    const updated = await connections.update(connection.id, (current) => {
      if (current.status === 'expired') return current;
      transitioned = true;
      return {
        ...current,
        status: 'expired',
        updatedAt: at,
        lastError: { code: reason, message: redactSecrets(message).slice(0, 2000), at },
      };
    });
    if (transitioned && updated !== undefined) {
      const reconnectUrl = await this.#options.reconnectUrl(updated).catch(() => undefined);
      logger.warn('OAuth grant lost; the connection needs a reconnect', {
        platform: updated.platform,
        connectionId: updated.id,
        reason,
      });
      try {
        events.emit('connection.expired', {
          at,
          storeId: updated.storeId,
          connectionId: updated.id,
          platform: updated.platform,
          reason,
          ...(reconnectUrl === undefined ? {} : { reconnectUrl }),
        });
      } catch (listenerError) {
        logger.error('A connection.expired listener threw', { error: recordError(listenerError, now()) });
      }
    }
    throw cause ?? expiredError(connection);
  }

  #isStale(connection: Connection, tokens: TokenSet, refusedToken: string | undefined): boolean {
    if (refusedToken !== undefined && refusedToken === tokens.accessToken) return true;
    const margin = this.#platform(connection).spec.refreshMarginMs;
    return needsRefresh(tokens, this.#options.now().getTime(), margin);
  }

  async #usableConnection(connectionId: string): Promise<Connection> {
    const connection = await this.#options.connections.get(connectionId);
    if (connection === undefined) {
      throw new ValidationError({
        field: 'connectionId',
        reason: `there is no connection "${connectionId}"`,
        fix: 'use the id returned by complete() or list(); a revoked connection is gone',
      });
    }
    if (connection.status === 'expired' || connection.status === 'revoked') throw expiredError(connection);
    return connection;
  }

  async #tokens(connection: Connection): Promise<TokenSet> {
    const tokens = await this.#options.vault.read(connection.id);
    if (tokens === undefined) throw expiredError(connection);
    return tokens;
  }

  #platform(connection: Connection): ResolvedOAuthPlatform {
    const platform = this.#options.platforms.get(connection.platform);
    if (platform === undefined) {
      throw new ValidationError({
        field: 'platform',
        reason: `the connection belongs to "${connection.platform}", which this engine was not given`,
        fix: `pass the ${connection.platform} adapter in platforms`,
      });
    }
    return platform;
  }
}

/**
 * When the grant stops working without the user: the refresh token's expiry when there is a refresh
 * token, else the access token's (Meta's 60-day token).
 */
export function grantExpiresAt(tokens: TokenSet): string | undefined {
  return tokens.refreshToken !== undefined ? tokens.refreshTokenExpiresAt : tokens.expiresAt;
}

/** A redacted summary of an error for `Connection.lastError`. */
export function recordError(error: unknown, at: Date): RecordedError {
  const code = GrowthError.isInstance(error) ? error.code : 'unexpected_error';
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: String(code).slice(0, 128),
    message: redactSecrets(message).slice(0, 2000),
    at: at.toISOString(),
  };
}

function expiredError(connection: Connection): AuthError {
  return new AuthError({
    platform: connection.platform,
    connectionId: connection.id,
    needsReconnect: true,
    code: 'auth_expired',
    message: `The ${connection.platform} connection ${connection.id} is ${connection.status === 'revoked' ? 'revoked' : 'expired'}; the user must reconnect it.`,
  });
}
