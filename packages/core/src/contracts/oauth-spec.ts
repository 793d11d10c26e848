import { z } from 'zod';
import type { Logger } from '../logging/index';
import type { ConnectedAccount } from '../model/connection';

/**
 * The app's OAuth client at a platform, as registered in the platform's developer console.
 * `secret` is absent for public clients (PKCE only).
 */
export const OAuthClientSchema = z.strictObject({
  /** Client id, client key (TikTok) or app id (Meta, TikTok Ads). */
  id: z.string().min(1),
  /** Client secret (app secret); omit for a public client. */
  secret: z.string().min(1).optional(),
  /** Every redirect URI registered for the app; `begin()` refuses any other. */
  redirectUris: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .readonly(),
});

/** The app's OAuth client at a platform; see {@link OAuthClientSchema}. */
export type OAuthClient = z.infer<typeof OAuthClientSchema>;

/**
 * How the token endpoint wants its requests. Defaults follow RFC 6749: a form-encoded POST with
 * `grant_type`, `code` and `redirect_uri`.
 */
export const TokenRequestFormatSchema = z.strictObject({
  /** `form` (POST, urlencoded), `json` (POST, JSON body; TikTok Ads) or `query` (GET; Meta). */
  encoding: z.enum(['form', 'json', 'query']).default('form'),
  /** Name of the authorization code parameter (`auth_code` for TikTok Ads). */
  codeParam: z.string().min(1).default('code'),
  /** Whether to send `grant_type` (TikTok Ads and Meta's code exchange do not). */
  sendGrantType: z.boolean().default(true),
  /** Whether the code exchange repeats `redirect_uri` (TikTok Ads does not). */
  sendRedirectUri: z.boolean().default(true),
});

/** How the token endpoint wants its requests; see {@link TokenRequestFormatSchema}. */
export type TokenRequestFormat = z.input<typeof TokenRequestFormatSchema>;

/**
 * The data part of an {@link OAuthSpec}: everything about a platform's OAuth that is not a real
 * exception. Validated when a connection manager starts, so a wrong spec fails at startup.
 */
export const OAuthSpecDataSchema = z.strictObject({
  /** The app's client at the platform. */
  client: OAuthClientSchema,
  /** Where the user is sent to consent. */
  authorizeUrl: z.url({ protocol: /^https?$/ }),
  /** Where codes are exchanged and tokens refreshed. */
  tokenUrl: z.url({ protocol: /^https?$/ }),
  /** Where tokens are revoked; omit when the platform has no revocation endpoint for user tokens. */
  revokeUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Scopes requested by default; `begin({ scopes })` can ask for others. */
  scopes: z.array(z.string().min(1)).readonly(),
  /** How scopes are joined in the authorize URL (TikTok, Pinterest and Meta use `,`). */
  scopeSeparator: z.enum([' ', ',']).default(' '),
  /** Name of the client id parameter (`client_key` for TikTok, `app_id` for TikTok Ads). */
  clientIdParam: z.enum(['client_id', 'client_key', 'app_id']).default('client_id'),
  /** Name of the client secret parameter when sent in the body (`secret` for TikTok Ads). */
  clientSecretParam: z.enum(['client_secret', 'secret']).default('client_secret'),
  /**
   * How a confidential client authenticates at the token and revoke endpoints: `basic` sends
   * `Authorization: Basic base64(id:secret)` (X, Pinterest); `body` sends id and secret as parameters.
   * A public client (no secret) always sends its id as a parameter.
   */
  clientAuth: z.enum(['basic', 'body']).default('body'),
  /** PKCE with S256 (default on). Turn off only where the platform rejects it. */
  pkce: z.boolean().default(true),
  /** `response_type` in the authorize URL (default `code`); `false` leaves it out (TikTok Ads). */
  responseType: z.union([z.string().min(1), z.literal(false)]).default('code'),
  /** Extra authorize parameters, e.g. Google's `{ access_type: 'offline', prompt: 'consent' }`. */
  authorizeParams: z.record(z.string(), z.string()).default({}),
  /** How the token endpoint wants its requests. */
  tokenRequest: TokenRequestFormatSchema.default(TokenRequestFormatSchema.parse({})),
  /** Extra refresh parameters, e.g. Pinterest's `{ continuous_refresh: 'true' }` for older apps. */
  refreshParams: z.record(z.string(), z.string()).default({}),
  /** Refresh this long before the access token expires (default 5 minutes). */
  refreshMarginMs: z
    .number()
    .int()
    .min(0)
    .default(5 * 60_000),
  /** Which token `revoke()` sends: the refresh token (revokes the whole grant) or the access token. */
  revokeToken: z.enum(['refresh_token', 'access_token']).default('refresh_token'),
  /**
   * OAuth error codes that, answering a refresh, mean the grant is gone (the connection becomes
   * `expired` and needs a reconnect) on top of RFC 6749's `invalid_grant`. X answers a revoked or
   * unknown refresh token with `invalid_request`, which elsewhere means a malformed request.
   */
  refreshRejectedCodes: z.array(z.string().min(1)).default([]),
});

/** The data part of an {@link OAuthSpec} after defaults are applied. */
export type ResolvedOAuthSpecData = z.output<typeof OAuthSpecDataSchema>;

/**
 * A platform's OAuth, as data run by the one OAuth engine in core (`createConnectionManager`), plus
 * named hooks for the platform's real exceptions. Quirks are data or hooks, never a patched `fetch`.
 *
 * @example X (confidential client: PKCE S256 and HTTP Basic at the token endpoint)
 * ```ts
 * const xOAuth: OAuthSpec = {
 *   client: { id: clientId, secret: clientSecret, redirectUris: ['https://app.example/callback/x'] },
 *   authorizeUrl: 'https://x.com/i/oauth2/authorize',
 *   tokenUrl: 'https://api.x.com/2/oauth2/token',
 *   revokeUrl: 'https://api.x.com/2/oauth2/revoke',
 *   scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
 *   clientAuth: 'basic',
 * };
 * ```
 */
export interface OAuthSpec extends z.input<typeof OAuthSpecDataSchema> {
  /** Named hooks for what data cannot express. */
  readonly hooks?: OAuthHooks;
}

/**
 * The platform's real exceptions, as named hooks. Each is optional; the engine runs RFC 6749 without them.
 */
export interface OAuthHooks {
  /**
   * Reads a token endpoint response the platform shapes its own way (TikTok Ads wraps tokens in
   * `{ code, message, data: { access_token, advertiser_ids } }`, always with HTTP 200). Return the grant,
   * or an {@link OAuthErrorResponse} for a refusal. Without it the engine reads RFC 6749 fields.
   */
  normalizeTokenResponse?(response: TokenEndpointResponse): TokenGrant | OAuthErrorResponse;
  /**
   * Swaps a short-lived access token for a long-lived one (Meta's `fb_exchange_token`). Runs right
   * after the code exchange, and again to extend a grant that has no refresh token before it expires.
   */
  exchangeLongLived?(context: LongLivedExchangeContext): Promise<TokenGrant>;
  /**
   * Lists the accounts reachable through a new connection (Pages, Instagram business accounts, ad
   * accounts, channels, boards, advertisers). Accounts may carry their own token (Meta Page tokens);
   * the engine moves those into the vault and keeps only the account in the connection.
   */
  discoverAccounts?(context: AccountDiscoveryContext): Promise<DiscoveredAccount[]>;
}

/** A raw token endpoint response, as given to {@link OAuthHooks.normalizeTokenResponse}. */
export interface TokenEndpointResponse {
  /** Which exchange this answers. */
  readonly grant: TokenGrantKind;
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body (or the raw text when it was not JSON). */
  readonly body: unknown;
}

/** Which exchange a token request performs. */
export type TokenGrantKind = 'authorization_code' | 'refresh_token' | 'long_lived';

/** Tokens granted by a platform, normalised. Times are relative, as the platforms send them. */
export interface TokenGrant {
  accessToken: string;
  /** Absent when the platform issued none (Meta, X without `offline.access`). */
  refreshToken?: string;
  tokenType?: string;
  /** Lifetime of the access token in seconds; absent when it does not expire. */
  expiresInSeconds?: number;
  /** Lifetime of the refresh token in seconds, when the platform says. */
  refreshTokenExpiresInSeconds?: number;
  /** Granted scopes, as a list or as the platform's separated string; absent when not reported. */
  scope?: string | readonly string[];
  /** Non-secret extras for account discovery (e.g. TikTok's `open_id`, TikTok Ads' `advertiser_ids`). */
  details?: Record<string, unknown>;
}

/** A refusal from a token endpoint (RFC 6749 §5.2 `error` code and description). */
export interface OAuthErrorResponse {
  /** The OAuth error code, e.g. `invalid_grant`, `invalid_client`, `temporarily_unavailable`. */
  error: string;
  errorDescription?: string;
  /** Set when the platform signals a temporary failure in its own way (retry later, keep the grant). */
  transient?: boolean;
}

/** What {@link OAuthHooks.exchangeLongLived} gets. */
export interface LongLivedExchangeContext {
  /** The access token to exchange. Never log it. */
  readonly accessToken: string;
  /**
   * Sends `params` to the spec's token endpoint with the spec's encoding and client authentication,
   * and returns the normalised grant; refusals throw the engine's typed errors.
   */
  requestToken(params: Record<string, string>): Promise<TokenGrant>;
}

/** What {@link OAuthHooks.discoverAccounts} gets. */
export interface AccountDiscoveryContext {
  /** The platform id of the connection. */
  readonly platform: string;
  /** The user access token just granted. Never log it. */
  readonly accessToken: string;
  /** Scopes the platform granted. */
  readonly scopes: readonly string[];
  /** Non-secret extras from the token response (see {@link TokenGrant.details}). */
  readonly details: Readonly<Record<string, unknown>>;
  /** The fetch to call the platform with (injected, so tests and hosts control it). */
  readonly fetch: typeof fetch;
  /** Redacting logger. */
  readonly logger: Logger;
  /** Aborts discovery. */
  readonly signal?: AbortSignal;
}

/** An account found by {@link OAuthHooks.discoverAccounts}, with its own token when it has one. */
export interface DiscoveredAccount extends ConnectedAccount {
  /** The account's own access token (a Meta Page token); stored encrypted, never in the connection. */
  accessToken?: string;
  /** When that token expires (ISO 8601); absent when it does not. */
  accessTokenExpiresAt?: string;
}
