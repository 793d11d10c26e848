import type { AccountDiscoveryContext, DiscoveredAccount, OAuthSpec } from '@growthhub/core';
import { AuthError, PlatformApiError } from '@growthhub/core';
import type { ResolvedXConfig } from './config';
import { MeSchema } from './x-responses';

/**
 * X's OAuth 2.0 (authorization code with PKCE S256) as data for core's OAuth engine: consent at
 * `x.com/i/oauth2/authorize`, token and revoke at `api.x.com/2/oauth2/*`, HTTP Basic client
 * authentication for a confidential client (a public client sends `client_id` in the body), and
 * `offline.access` for a refresh token. Account discovery reads `GET /2/users/me`.
 */
export function xOAuthSpec(config: ResolvedXConfig): OAuthSpec {
  return {
    client: {
      id: config.clientId,
      ...(config.clientSecret === undefined ? {} : { secret: config.clientSecret }),
      redirectUris: [config.redirectUri, ...config.extraRedirectUris],
    },
    authorizeUrl: config.resolvedAuthorizeUrl,
    tokenUrl: `${config.apiBaseUrl}/2/oauth2/token`,
    revokeUrl: `${config.apiBaseUrl}/2/oauth2/revoke`,
    scopes: config.resolvedScopes,
    scopeSeparator: ' ',
    clientIdParam: 'client_id',
    clientAuth: 'basic',
    pkce: true,
    revokeToken: 'refresh_token',
    // X refuses a revoked or unknown refresh token with `invalid_request` ("Value passed for the token
    // was invalid."), not RFC 6749's `invalid_grant`: only a reconnect fixes it.
    refreshRejectedCodes: ['invalid_request'],
    hooks: { discoverAccounts: (context) => discoverXAccount(config, context) },
  };
}

/** The connected X user, from `GET /2/users/me`. */
async function discoverXAccount(
  config: ResolvedXConfig,
  context: AccountDiscoveryContext,
): Promise<DiscoveredAccount[]> {
  const response = await context.fetch(`${config.apiBaseUrl}/2/users/me?user.fields=username,name`, {
    headers: { authorization: `Bearer ${context.accessToken}`, accept: 'application/json' },
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  if (response.status === 401 || response.status === 403) {
    throw new AuthError({
      platform: 'x',
      status: response.status,
      needsReconnect: response.status === 401,
      message: `X refused GET /2/users/me with the new token (HTTP ${response.status}). Connect again and approve users.read.`,
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = MeSchema.safeParse(body);
  if (!response.ok || !parsed.success) {
    throw new PlatformApiError({
      platform: 'x',
      status: response.status,
      code: response.ok ? 'unexpected_response' : 'x_api_error',
      message: `X answered GET /2/users/me with HTTP ${response.status} and no user; the account could not be discovered.`,
    });
  }
  const user = parsed.data.data;
  return [{ id: user.id, kind: 'user', name: user.name || `@${user.username}` }];
}
