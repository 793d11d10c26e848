import { randomBytes } from 'node:crypto';
import type { DiscoveredAccount, TokenGrant } from '../contracts/oauth-spec';
import type { Repository } from '../contracts/store';
import { ValidationError } from '../errors/index';
import type { GrowthEventBus } from '../events/event-bus';
import type { Logger } from '../logging/index';
import { type ConnectedAccount, ConnectedAccountSchema, type Connection } from '../model/connection';
import type { AccountToken, TokenSet } from '../vault/token-set';
import type { TokenVault } from '../vault/token-vault';
import type { AuthorizationStates } from './authorization-states';
import { tokenSetFromGrant } from './granted-tokens';
import type { OAuthGrantRecord } from './oauth-grant-record';
import type { ResolvedOAuthPlatform } from './oauth-platforms';
import type { TokenEndpoint } from './token-endpoint';
import { grantExpiresAt, recordError } from './token-refresher';

/** What completing a connection needs. Internal to the connection manager. */
export interface CompletionDependencies {
  states: AuthorizationStates;
  vault: TokenVault;
  connections: Repository<Connection>;
  grants: Repository<OAuthGrantRecord>;
  events: GrowthEventBus;
  logger: Logger;
  fetch: typeof fetch;
  now: () => Date;
}

/**
 * Finishes an authorization: consumes the state, exchanges the code (with the PKCE verifier), runs the
 * long-lived exchange and account discovery hooks, seals the tokens in the vault and stores the
 * connection, then emits `connection.connected`.
 *
 * When discovery fails the tokens are kept and the connection is stored with status `error` and the
 * redacted `lastError`, so the host can show it and retry without a new consent.
 */
export async function completeConnection(
  dependencies: CompletionDependencies,
  platform: ResolvedOAuthPlatform,
  endpoint: TokenEndpoint,
  input: { code: string; state: string; redirectUri?: string; signal?: AbortSignal },
): Promise<Connection> {
  const { states, vault, connections, grants, events, logger, now } = dependencies;
  const { pending, verifier } = await states.consume(platform.id, input.state, input.redirectUri);
  const existing =
    pending.connectionId === undefined ? undefined : await connections.get(pending.connectionId);
  if (existing !== undefined && (existing.storeId !== pending.storeId || existing.platform !== platform.id)) {
    throw new ValidationError({
      field: 'connectionId',
      reason: 'the connection to reconnect belongs to another store or platform',
      fix: 'reconnect a connection from the same store and platform, or connect without connectionId',
    });
  }

  let grant = await endpoint.exchangeCode({
    code: input.code,
    redirectUri: pending.redirectUri,
    ...(verifier === undefined ? {} : { verifier }),
  });
  grant = await exchangeLongLived(platform, endpoint, grant);
  const connectedAt = now();
  const tokens = tokenSetFromGrant(grant, { now: connectedAt, requestedScopes: pending.scopes });
  const missingScopes = pending.scopes.filter((scope) => !tokens.scopes.includes(scope));

  const discovery = await discover(dependencies, platform, tokens, grant, input.signal);
  if (Object.keys(discovery.accountTokens).length > 0) tokens.accountTokens = discovery.accountTokens;

  const connectionId = existing?.id ?? `conn_${randomBytes(16).toString('base64url')}`;
  const expiresAt = grantExpiresAt(tokens);
  const connection: Connection = {
    id: connectionId,
    storeId: pending.storeId,
    userId: pending.userId,
    platform: platform.id,
    status: discovery.error === undefined ? 'connected' : 'error',
    accounts: discovery.accounts,
    scopes: tokens.scopes,
    missingScopes,
    createdAt: existing?.createdAt ?? connectedAt.toISOString(),
    updatedAt: connectedAt.toISOString(),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(discovery.error === undefined ? {} : { lastError: discovery.error }),
  };
  // Tokens first: a connection record never exists without its tokens.
  await vault.save({ connectionId, storeId: pending.storeId }, tokens);
  await grants.put({ connectionId, storeId: pending.storeId, redirectUri: pending.redirectUri });
  const stored = await connections.put(connection);
  if (missingScopes.length > 0) {
    logger.warn('The user did not grant every requested scope', {
      platform: platform.id,
      connectionId,
      missingScopes,
    });
  }
  if (stored.status === 'connected') {
    try {
      events.emit('connection.connected', {
        at: stored.updatedAt,
        storeId: stored.storeId,
        connectionId,
        platform: stored.platform,
        userId: stored.userId,
        accountIds: stored.accounts.map((account) => account.id),
        missingScopes,
      });
    } catch (listenerError) {
      logger.error('A connection.connected listener threw', { error: recordError(listenerError, now()) });
    }
  }
  return stored;
}

async function exchangeLongLived(
  platform: ResolvedOAuthPlatform,
  endpoint: TokenEndpoint,
  grant: TokenGrant,
): Promise<TokenGrant> {
  const exchange = platform.hooks.exchangeLongLived;
  if (exchange === undefined) return grant;
  const longLived = await exchange({
    accessToken: grant.accessToken,
    requestToken: (params) => endpoint.request('long_lived', params, { secrets: [grant.accessToken] }),
  });
  const merged: TokenGrant = { ...longLived, details: { ...grant.details, ...longLived.details } };
  if (longLived.scope === undefined && grant.scope !== undefined) merged.scope = grant.scope;
  return merged;
}

async function discover(
  dependencies: CompletionDependencies,
  platform: ResolvedOAuthPlatform,
  tokens: TokenSet,
  grant: TokenGrant,
  signal: AbortSignal | undefined,
): Promise<{
  accounts: ConnectedAccount[];
  accountTokens: Record<string, AccountToken>;
  error?: ReturnType<typeof recordError>;
}> {
  const hook = platform.hooks.discoverAccounts;
  if (hook === undefined) return { accounts: [], accountTokens: {} };
  try {
    const discovered = await hook({
      platform: platform.id,
      accessToken: tokens.accessToken,
      scopes: tokens.scopes,
      details: grant.details ?? {},
      fetch: dependencies.fetch,
      logger: dependencies.logger,
      ...(signal === undefined ? {} : { signal }),
    });
    return splitAccountTokens(discovered);
  } catch (error) {
    dependencies.logger.warn('Account discovery failed; the tokens are kept', {
      platform: platform.id,
      error: recordError(error, dependencies.now()),
    });
    return { accounts: [], accountTokens: {}, error: recordError(error, dependencies.now()) };
  }
}

function splitAccountTokens(discovered: readonly DiscoveredAccount[]): {
  accounts: ConnectedAccount[];
  accountTokens: Record<string, AccountToken>;
} {
  const accounts: ConnectedAccount[] = [];
  const accountTokens: Record<string, AccountToken> = {};
  for (const { accessToken, accessTokenExpiresAt, ...account } of discovered) {
    const parsed = ConnectedAccountSchema.safeParse(account);
    if (!parsed.success) {
      throw ValidationError.fromZodError(parsed.error, {
        subject: 'discoveredAccount',
        fix: 'return accounts in the ConnectedAccount shape from discoverAccounts',
      });
    }
    accounts.push(parsed.data);
    if (accessToken !== undefined && accessToken !== '') {
      accountTokens[parsed.data.id] =
        accessTokenExpiresAt === undefined
          ? { accessToken }
          : { accessToken, expiresAt: accessTokenExpiresAt };
    }
  }
  return { accounts, accountTokens };
}
