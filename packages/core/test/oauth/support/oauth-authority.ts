import { createHash, randomBytes } from 'node:crypto';
import {
  createEmulator,
  type Emulator,
  type EmulatorReply,
  type EmulatorRequest,
  fail,
} from '../../../src/testing/index';

/**
 * What a platform's authorize and token endpoints insist on. The authority refuses every request that
 * breaks a rule the way the real platform does (RFC 6749 error bodies), so a spec with a wrong
 * parameter name, client authentication or verifier fails here as it would in production.
 */
export interface AuthorityRules {
  platform: string;
  clientId: string;
  clientSecret: string;
  /** Paths on the authority. */
  authorizePath: string;
  tokenPath: string;
  revokePath?: string;
  /** Name of the client id parameter (authorize URL and body auth). */
  clientIdField: string;
  /** Name of the client secret parameter for body auth. */
  clientSecretField: string;
  /** `basic`: HTTP Basic is required and body credentials are refused; `body`: parameters required. */
  clientAuth: 'basic' | 'body';
  /** How the token endpoint reads requests. */
  tokenEncoding: 'form' | 'json' | 'query';
  /** Name of the code parameter in the token request and in the redirect. */
  codeField: string;
  /** PKCE: required (X), accepted (Google, TikTok, Pinterest) or unknown (Meta, TikTok Ads). */
  pkce: 'required' | 'accepted' | 'none';
  /** Whether the code exchange must carry `grant_type=authorization_code`. */
  requireGrantType: boolean;
  /** Whether the code exchange must repeat `redirect_uri`. */
  requireRedirectUri: boolean;
  /** Whether the authorize URL must carry `response_type=code`. */
  requireResponseType: boolean;
  /** How scopes are separated in the authorize URL. */
  scopeSeparator: ' ' | ',';
  /** Extra authorize parameters that must be present with these values. */
  requiredAuthorizeParams?: Record<string, string>;
  /** Extra refresh parameters that must be present with these values. */
  requiredRefreshParams?: Record<string, string>;
  /** Access token lifetime in seconds; absent: tokens that do not expire. */
  accessTtlSeconds?: number;
  /** Whether (and for which granted scopes) a refresh token is issued. */
  issuesRefreshToken: boolean | ((scopes: string[]) => boolean);
  /** Meta: `grant_type=fb_exchange_token` turns a live token into one living this long. */
  longLivedTtlSeconds?: number;
  /** Shapes a successful token body (TikTok Ads wraps it). Default: RFC 6749 fields. */
  shapeTokens?: (tokens: IssuedTokens) => unknown;
  /** Shapes a refusal (TikTok Ads answers HTTP 200 with a code). Default: RFC 6749 `{ error }`. */
  shapeError?: (error: string, description: string) => EmulatorReply | undefined;
}

/** Tokens as issued by the authority. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  scopes: string[];
  details?: Record<string, unknown>;
}

/** A running authority with counters, the issued secrets, and levers to script refresh behaviour. */
export interface OAuthAuthority {
  readonly url: string;
  /** The underlying emulator, for extra platform routes (account discovery). */
  readonly emulator: Emulator;
  readonly counts: { authorize: number; code: number; refresh: number; longLived: number; revoke: number };
  /** Every access and refresh token ever issued (for leak searches). */
  readonly issued: string[];
  /** Tokens revoked through the revoke endpoint. */
  readonly revoked: string[];
  /** Delay every refresh answer, to widen race windows. */
  refreshDelayMs: number;
  /** Answer refreshes without a refresh token (the client must keep its old one). */
  omitRefreshTokenOnRefresh: boolean;
  /** Answer the next refreshes with this OAuth error instead (status, error). */
  refreshFailure: { status: number; error: string } | undefined;
  close(): Promise<void>;
}

/** Starts an authority following `rules` on 127.0.0.1. */
export async function startAuthority(rules: AuthorityRules): Promise<OAuthAuthority> {
  const emulator = createEmulator({ platform: rules.platform, envelope: 'oauth' });
  const codes = new Map<
    string,
    { redirectUri: string; scopes: string[]; challenge?: string; used: boolean }
  >();
  const accessTokens = new Map<string, { expiresAt?: number; scopes: string[] }>();
  const refreshTokens = new Map<string, string[]>();
  const authority = {
    url: '',
    emulator,
    counts: { authorize: 0, code: 0, refresh: 0, longLived: 0, revoke: 0 },
    issued: [] as string[],
    revoked: [] as string[],
    refreshDelayMs: 0,
    omitRefreshTokenOnRefresh: false,
    refreshFailure: undefined as { status: number; error: string } | undefined,
    close: () => emulator.close(),
  };

  const refuse = (status: number, error: string, description: string): EmulatorReply =>
    rules.shapeError?.(error, description) ?? { status, json: { error, error_description: description } };

  const issue = (scopes: string[], ttlSeconds: number | undefined, withRefresh: boolean): EmulatorReply => {
    const tokens: IssuedTokens = {
      accessToken: `at-${rules.platform}-${randomBytes(12).toString('hex')}`,
      scopes,
    };
    if (ttlSeconds !== undefined) tokens.expiresIn = ttlSeconds;
    if (withRefresh) tokens.refreshToken = `rt-${rules.platform}-${randomBytes(12).toString('hex')}`;
    accessTokens.set(tokens.accessToken, {
      scopes,
      ...(ttlSeconds === undefined ? {} : { expiresAt: Date.now() + ttlSeconds * 1000 }),
    });
    authority.issued.push(tokens.accessToken);
    if (tokens.refreshToken !== undefined) {
      refreshTokens.set(tokens.refreshToken, scopes);
      authority.issued.push(tokens.refreshToken);
    }
    const body = rules.shapeTokens?.(tokens) ?? {
      access_token: tokens.accessToken,
      token_type: 'bearer',
      scope: scopes.join(rules.scopeSeparator),
      ...(tokens.expiresIn === undefined ? {} : { expires_in: tokens.expiresIn }),
      ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    };
    return { status: 200, json: body, headers: { 'cache-control': 'no-store' } };
  };

  const clientIsAuthenticated = (
    request: EmulatorRequest,
    params: Record<string, string>,
  ): EmulatorReply | undefined => {
    const basic = /^basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (rules.clientAuth === 'basic') {
      if (basic?.[1] === undefined)
        return refuse(401, 'invalid_client', 'Missing valid authorization header');
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      if (id !== rules.clientId || secret !== rules.clientSecret) {
        return refuse(401, 'invalid_client', 'Client authentication failed');
      }
      return undefined;
    }
    const id = params[rules.clientIdField];
    const secret = params[rules.clientSecretField];
    if (id === undefined) return refuse(400, 'invalid_request', `Missing ${rules.clientIdField}`);
    if (secret === undefined) return refuse(400, 'invalid_request', `Missing ${rules.clientSecretField}`);
    if (id !== rules.clientId || secret !== rules.clientSecret) {
      return refuse(401, 'invalid_client', 'Client authentication failed');
    }
    return undefined;
  };

  emulator.route('GET', rules.authorizePath, (request) => {
    authority.counts.authorize += 1;
    const query = request.url.searchParams;
    if (query.get(rules.clientIdField) !== rules.clientId) {
      return fail('invalidRequest', { message: `Missing or unknown ${rules.clientIdField}` });
    }
    if (rules.requireResponseType && query.get('response_type') !== 'code') {
      return fail('invalidRequest', { message: 'response_type must be code' });
    }
    for (const [name, value] of Object.entries(rules.requiredAuthorizeParams ?? {})) {
      if (query.get(name) !== value) return fail('invalidRequest', { message: `${name} must be ${value}` });
    }
    const redirectUri = query.get('redirect_uri');
    const state = query.get('state');
    if (redirectUri === null || state === null)
      return fail('invalidRequest', { message: 'redirect_uri and state are required' });
    const challenge = query.get('code_challenge') ?? undefined;
    if (
      rules.pkce === 'required' &&
      (challenge === undefined || query.get('code_challenge_method') !== 'S256')
    ) {
      return fail('invalidRequest', { message: 'PKCE with S256 is required' });
    }
    const scopes = (query.get('scope') ?? '').split(rules.scopeSeparator).filter((scope) => scope !== '');
    const code = `code-${randomBytes(8).toString('hex')}`;
    codes.set(code, {
      redirectUri,
      scopes,
      used: false,
      ...(rules.pkce !== 'none' && challenge !== undefined ? { challenge } : {}),
    });
    const location = new URL(redirectUri);
    location.searchParams.set(rules.codeField, code);
    location.searchParams.set('state', state);
    return { status: 302, headers: { location: location.toString() } };
  });

  const tokenHandler = async (request: EmulatorRequest): Promise<EmulatorReply> => {
    const params = readParams(request);
    const authFailure = clientIsAuthenticated(request, params);
    if (authFailure !== undefined) return authFailure;
    const grantType = params.grant_type;

    if (grantType === 'refresh_token') {
      authority.counts.refresh += 1;
      if (authority.refreshDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, authority.refreshDelayMs));
      for (const [name, value] of Object.entries(rules.requiredRefreshParams ?? {})) {
        if (params[name] !== value) return refuse(400, 'invalid_request', `${name} must be ${value}`);
      }
      if (authority.refreshFailure !== undefined) {
        return refuse(
          authority.refreshFailure.status,
          authority.refreshFailure.error,
          'Scripted refresh failure',
        );
      }
      const scopes = refreshTokens.get(params.refresh_token ?? '');
      if (scopes === undefined) return refuse(400, 'invalid_grant', 'Refresh token is invalid');
      return issue(scopes, rules.accessTtlSeconds, !authority.omitRefreshTokenOnRefresh);
    }

    if (grantType === 'fb_exchange_token' && rules.longLivedTtlSeconds !== undefined) {
      authority.counts.longLived += 1;
      const live = accessTokens.get(params.fb_exchange_token ?? '');
      if (live === undefined || (live.expiresAt !== undefined && live.expiresAt < Date.now())) {
        return refuse(400, 'invalid_grant', 'The access token could not be exchanged');
      }
      return issue(live.scopes, rules.longLivedTtlSeconds, false);
    }

    if (rules.requireGrantType && grantType !== 'authorization_code') {
      return refuse(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    }
    authority.counts.code += 1;
    const code = params[rules.codeField];
    const granted = code === undefined ? undefined : codes.get(code);
    if (granted === undefined || granted.used)
      return refuse(400, 'invalid_grant', 'Authorization code is invalid');
    granted.used = true;
    if (rules.requireRedirectUri && params.redirect_uri !== granted.redirectUri) {
      return refuse(400, 'invalid_grant', 'redirect_uri does not match');
    }
    if (granted.challenge !== undefined) {
      const verifier = params.code_verifier;
      if (verifier === undefined) return refuse(400, 'invalid_request', 'Missing code_verifier');
      if (createHash('sha256').update(verifier).digest('base64url') !== granted.challenge) {
        return refuse(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
      }
    }
    const withRefresh =
      typeof rules.issuesRefreshToken === 'function'
        ? rules.issuesRefreshToken(granted.scopes)
        : rules.issuesRefreshToken;
    return issue(granted.scopes, rules.accessTtlSeconds, withRefresh);
  };
  emulator.route(rules.tokenEncoding === 'query' ? 'GET' : 'POST', rules.tokenPath, tokenHandler);

  if (rules.revokePath !== undefined) {
    emulator.route('POST', rules.revokePath, (request) => {
      const params = readParams(request);
      const authFailure = clientIsAuthenticated(request, params);
      if (authFailure !== undefined) return authFailure;
      authority.counts.revoke += 1;
      if (params.token !== undefined) {
        authority.revoked.push(params.token);
        refreshTokens.delete(params.token);
        accessTokens.delete(params.token);
      }
      return { status: 200, json: {} };
    });
  }

  const running = await emulator.listen();
  authority.url = running.url;
  return authority;

  function readParams(request: EmulatorRequest): Record<string, string> {
    const params: Record<string, string> = {};
    if (rules.tokenEncoding === 'query') {
      for (const [name, value] of request.url.searchParams) params[name] = value;
      return params;
    }
    if (rules.tokenEncoding === 'json' && request.contentType !== 'application/json') return params;
    if (rules.tokenEncoding === 'form' && request.contentType !== 'application/x-www-form-urlencoded')
      return params;
    const body = request.body;
    if (body !== null && typeof body === 'object') {
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        if (typeof value === 'string') params[name] = value;
      }
    }
    return params;
  }
}

/** Follows the platform's consent screen: GETs the authorize URL and reads the callback's parameters. */
export async function consent(authorizeUrl: string): Promise<URLSearchParams> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) {
    throw new Error(`The authorize endpoint answered ${response.status}: ${await response.text()}`);
  }
  return new URL(location).searchParams;
}
