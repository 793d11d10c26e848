import type { TokenGrant } from '../contracts/oauth-spec';
import type { TokenSet } from '../vault/token-set';

/**
 * Turns a platform's grant into the stored {@link TokenSet}: lifetimes become absolute times, scopes
 * become a list, and what the grant leaves out is kept from the previous set. Above all, a refresh that
 * returns no (or an empty) refresh token keeps the old one: it is never replaced by nothing.
 */
export function tokenSetFromGrant(
  grant: TokenGrant,
  options: { previous?: TokenSet; now: Date; requestedScopes: readonly string[] },
): TokenSet {
  const { previous, now } = options;
  const tokens: TokenSet = {
    accessToken: grant.accessToken,
    scopes: parseScopes(grant.scope) ?? previous?.scopes ?? [...options.requestedScopes],
  };
  const refreshToken = nonEmpty(grant.refreshToken) ?? previous?.refreshToken;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  const tokenType = grant.tokenType ?? previous?.tokenType;
  if (tokenType !== undefined) tokens.tokenType = tokenType;
  if (grant.expiresInSeconds !== undefined) tokens.expiresAt = after(now, grant.expiresInSeconds);
  if (grant.refreshTokenExpiresInSeconds !== undefined) {
    tokens.refreshTokenExpiresAt = after(now, grant.refreshTokenExpiresInSeconds);
  } else if (previous?.refreshTokenExpiresAt !== undefined && nonEmpty(grant.refreshToken) === undefined) {
    tokens.refreshTokenExpiresAt = previous.refreshTokenExpiresAt;
  }
  if (previous?.accountTokens !== undefined) tokens.accountTokens = previous.accountTokens;
  return tokens;
}

/** Reads granted scopes from a list or a space- or comma-separated string; `undefined` when not reported. */
export function parseScopes(scope: string | readonly string[] | undefined): string[] | undefined {
  if (scope === undefined) return undefined;
  const parts = typeof scope === 'string' ? scope.split(/[\s,]+/) : [...scope];
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

/** True when the access token is expired or expires within `marginMs` of `now`. */
export function needsRefresh(tokens: TokenSet, now: number, marginMs: number): boolean {
  return tokens.expiresAt !== undefined && Date.parse(tokens.expiresAt) - marginMs <= now;
}

function after(now: Date, seconds: number): string {
  return new Date(now.getTime() + Math.round(seconds * 1000)).toISOString();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
