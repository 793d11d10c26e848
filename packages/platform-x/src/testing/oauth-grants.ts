import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An OAuth 2.0 client registered with the emulated X app. */
export interface EmulatedClient {
  readonly clientId: string;
  /** Absent for a public client (PKCE only, `client_id` in the body). */
  readonly clientSecret?: string;
  /** Registered callback URLs; empty accepts any http(s) URL (sandbox convenience). */
  readonly redirectUris: readonly string[];
}

/** A consent request waiting for the person on the authorize page. */
export interface PendingAuthorization {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: 'S256' | 'plain';
  readonly expiresAt: number;
}

/** An authorization code issued after consent. */
export interface AuthorizationCode {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly userId: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: 'S256' | 'plain';
  readonly expiresAt: number;
  used: boolean;
}

/** One grant's live tokens. */
export interface TokenGrantRecord {
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string | undefined;
  revoked: boolean;
}

/** The token endpoint's success body, as X sends it. */
export interface IssuedTokens {
  readonly token_type: 'bearer';
  readonly expires_in: number;
  readonly access_token: string;
  readonly scope: string;
  readonly refresh_token?: string;
}

/** Settings of the emulated authorization server. */
export interface OAuthServerSettings {
  readonly accessTokenTtlSeconds: number;
  readonly authorizationCodeTtlSeconds: number;
  readonly rotateRefreshTokens: boolean;
}

/** Consent requests, codes and token grants of the emulated X authorization server. */
export class OAuthGrants {
  readonly clients = new Map<string, EmulatedClient>();
  readonly #pending = new Map<string, PendingAuthorization>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #byAccess = new Map<string, TokenGrantRecord>();
  readonly #byRefresh = new Map<string, TokenGrantRecord>();

  constructor(
    readonly settings: OAuthServerSettings,
    private readonly now: () => number,
  ) {}

  /** Remembers a consent request shown on the authorize page. */
  startAuthorization(init: Omit<PendingAuthorization, 'id' | 'expiresAt'>): PendingAuthorization {
    const pending = { ...init, id: opaque('req'), expiresAt: this.now() + 10 * 60_000 };
    this.#pending.set(pending.id, pending);
    return pending;
  }

  /** Takes (single use) a consent request that has not expired. */
  takeAuthorization(id: string): PendingAuthorization | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    return pending !== undefined && pending.expiresAt > this.now() ? pending : undefined;
  }

  /** Issues an authorization code for an approved consent request. */
  issueCode(pending: PendingAuthorization, userId: string): AuthorizationCode {
    const code: AuthorizationCode = {
      code: opaque('code'),
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      userId,
      codeChallenge: pending.codeChallenge,
      codeChallengeMethod: pending.codeChallengeMethod,
      expiresAt: this.now() + this.settings.authorizationCodeTtlSeconds * 1000,
      used: false,
    };
    this.#codes.set(code.code, code);
    return code;
  }

  /** The code record, whatever its state (the caller checks expiry, reuse and binding). */
  findCode(code: string): AuthorizationCode | undefined {
    return this.#codes.get(code);
  }

  /** Issues a fresh grant (access token, and a refresh token with `offline.access`). */
  issueGrant(clientId: string, userId: string, scopes: readonly string[]): TokenGrantRecord {
    const grant: TokenGrantRecord = {
      clientId,
      userId,
      scopes,
      accessToken: opaque('xat'),
      accessExpiresAt: this.now() + this.settings.accessTokenTtlSeconds * 1000,
      refreshToken: scopes.includes('offline.access') ? opaque('xrt') : undefined,
      revoked: false,
    };
    this.#byAccess.set(grant.accessToken, grant);
    if (grant.refreshToken !== undefined) this.#byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  /** Issues a new access token (and, when rotating, a new refresh token) for a grant. */
  refresh(grant: TokenGrantRecord): TokenGrantRecord {
    grant.accessToken = opaque('xat');
    grant.accessExpiresAt = this.now() + this.settings.accessTokenTtlSeconds * 1000;
    this.#byAccess.set(grant.accessToken, grant);
    if (this.settings.rotateRefreshTokens && grant.refreshToken !== undefined) {
      this.#byRefresh.delete(grant.refreshToken);
      grant.refreshToken = opaque('xrt');
      this.#byRefresh.set(grant.refreshToken, grant);
    }
    return grant;
  }

  /** The live grant behind an access token (not expired, not revoked, the grant's current token). */
  grantForAccessToken(token: string): TokenGrantRecord | undefined {
    const grant = this.#byAccess.get(token);
    if (grant === undefined || grant.revoked || grant.accessExpiresAt <= this.now()) return undefined;
    return grant;
  }

  /** The live grant behind a refresh token. */
  grantForRefreshToken(token: string): TokenGrantRecord | undefined {
    const grant = this.#byRefresh.get(token);
    return grant === undefined || grant.revoked || grant.refreshToken !== token ? undefined : grant;
  }

  /** Makes an access token expire now (tests of refresh after a 401). */
  expireAccessToken(token: string): boolean {
    const grant = this.#byAccess.get(token);
    if (grant === undefined) return false;
    this.#byAccess.delete(token);
    return true;
  }

  /** Revokes the grant behind an access or refresh token; false when the token is unknown. */
  revoke(token: string): boolean {
    const grant = this.#byAccess.get(token) ?? this.#byRefresh.get(token);
    if (grant === undefined) return false;
    if (this.#byRefresh.has(token)) {
      grant.revoked = true;
    } else {
      this.#byAccess.delete(token);
    }
    return true;
  }

  /** Revokes every grant of a user (the user removed the app on x.com); returns how many. */
  revokeUser(userId: string): number {
    let revoked = 0;
    for (const grant of new Set([...this.#byAccess.values(), ...this.#byRefresh.values()])) {
      if (grant.userId !== userId || grant.revoked) continue;
      grant.revoked = true;
      revoked += 1;
    }
    return revoked;
  }

  /** The token endpoint body for a grant. */
  toResponse(grant: TokenGrantRecord): IssuedTokens {
    return {
      token_type: 'bearer',
      expires_in: Math.max(0, Math.round((grant.accessExpiresAt - this.now()) / 1000)),
      access_token: grant.accessToken,
      scope: grant.scopes.join(' '),
      ...(grant.refreshToken === undefined ? {} : { refresh_token: grant.refreshToken }),
    };
  }
}

/** Checks a PKCE `code_verifier` against the stored challenge (RFC 7636 §4.6), in constant time. */
export function verifyPkce(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  const left = Buffer.from(computed);
  const right = Buffer.from(challenge);
  return left.length === right.length && timingSafeEqual(left, right);
}

function opaque(prefix: string): string {
  return `${prefix}-${randomBytes(24).toString('base64url')}`;
}
