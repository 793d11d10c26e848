import type { DiscoveredAccount, OAuthSpec, TokenGrant } from '../../../src/contracts/oauth-spec';
import type { PlatformId } from '../../../src/model/platform';
import type { AuthorityRules } from './oauth-authority';

/** The redirect URI every test app registers. */
export const REDIRECT_URI = 'https://shop.example/oauth/callback';

/**
 * Each platform's OAuth written as OAuthSpec data (facts from the platforms' docs), pointed at a local
 * authority that enforces the same rules. `base` replaces the platform's host; paths stay real.
 */
export interface PlatformCase {
  name: string;
  /** The platform id the spec is registered under (TikTok Ads is a second login of `tiktok`). */
  platformId: PlatformId;
  rules: AuthorityRules;
  spec(base: string): OAuthSpec;
}

const secret = (platform: string) => `secret-${platform}-7Hq2xY9p`;

/** The parameter names and requirements RFC 6749 sets; each case lists only where its platform departs. */
const rfc6749Rules = {
  clientIdField: 'client_id',
  clientSecretField: 'client_secret',
  tokenEncoding: 'form',
  codeField: 'code',
  requireGrantType: true,
  requireRedirectUri: true,
  requireResponseType: true,
} as const satisfies Partial<AuthorityRules>;

export const xCase: PlatformCase = {
  name: 'X',
  platformId: 'x',
  rules: {
    platform: 'x',
    clientId: 'x-client-id',
    clientSecret: secret('x'),
    authorizePath: '/i/oauth2/authorize',
    tokenPath: '/2/oauth2/token',
    revokePath: '/2/oauth2/revoke',
    ...rfc6749Rules,
    clientAuth: 'basic',
    pkce: 'required',
    scopeSeparator: ' ',
    accessTtlSeconds: 7200,
    issuesRefreshToken: (scopes) => scopes.includes('offline.access'),
  },
  spec: (base) => ({
    client: { id: 'x-client-id', secret: secret('x'), redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${base}/i/oauth2/authorize`,
    tokenUrl: `${base}/2/oauth2/token`,
    revokeUrl: `${base}/2/oauth2/revoke`,
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
    clientAuth: 'basic',
  }),
};

export const tiktokCase: PlatformCase = {
  name: 'TikTok',
  platformId: 'tiktok',
  rules: {
    platform: 'tiktok',
    clientId: 'tiktok-client-key',
    clientSecret: secret('tiktok'),
    authorizePath: '/v2/auth/authorize/',
    tokenPath: '/v2/oauth/token/',
    revokePath: '/v2/oauth/revoke/',
    ...rfc6749Rules,
    clientIdField: 'client_key',
    clientAuth: 'body',
    pkce: 'accepted',
    scopeSeparator: ',',
    accessTtlSeconds: 86_400,
    issuesRefreshToken: true,
  },
  spec: (base) => ({
    client: { id: 'tiktok-client-key', secret: secret('tiktok'), redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${base}/v2/auth/authorize/`,
    tokenUrl: `${base}/v2/oauth/token/`,
    revokeUrl: `${base}/v2/oauth/revoke/`,
    scopes: ['user.info.basic', 'video.upload', 'video.publish'],
    scopeSeparator: ',',
    clientIdParam: 'client_key',
  }),
};

export const tiktokAdsCase: PlatformCase = {
  name: 'TikTok Ads',
  platformId: 'tiktok',
  rules: {
    platform: 'tiktok-ads',
    clientId: 'tiktok-app-id',
    clientSecret: secret('tiktok-ads'),
    authorizePath: '/portal/auth',
    tokenPath: '/open_api/v1.3/oauth2/access_token/',
    clientIdField: 'app_id',
    clientSecretField: 'secret',
    clientAuth: 'body',
    tokenEncoding: 'json',
    codeField: 'auth_code',
    pkce: 'none',
    requireGrantType: false,
    requireRedirectUri: false,
    requireResponseType: false,
    scopeSeparator: ',',
    issuesRefreshToken: false,
    shapeTokens: (tokens) => ({
      code: 0,
      message: 'OK',
      request_id: '2024010112345678',
      data: { access_token: tokens.accessToken, advertiser_ids: ['7001', '7002'], scope: [4, 5] },
    }),
    shapeError: (error, description) => ({
      status: 200,
      json: {
        code: error === 'invalid_grant' ? 40110 : 40001,
        message: description,
        request_id: 'r1',
        data: {},
      },
    }),
  },
  spec: (base) => ({
    client: { id: 'tiktok-app-id', secret: secret('tiktok-ads'), redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${base}/portal/auth`,
    tokenUrl: `${base}/open_api/v1.3/oauth2/access_token/`,
    scopes: [],
    clientIdParam: 'app_id',
    clientSecretParam: 'secret',
    pkce: false,
    responseType: false,
    tokenRequest: { encoding: 'json', codeParam: 'auth_code', sendGrantType: false, sendRedirectUri: false },
    hooks: {
      normalizeTokenResponse: ({ body }) => readTikTokMarketingTokens(body),
      discoverAccounts: async ({ details }) =>
        (Array.isArray(details.advertiser_ids) ? details.advertiser_ids : []).map(
          (id): DiscoveredAccount => ({
            id: String(id),
            kind: 'advertiser',
            name: `Advertiser ${String(id)}`,
          }),
        ),
    },
  }),
};

export const googleCase: PlatformCase = {
  name: 'Google',
  platformId: 'google',
  rules: {
    platform: 'google',
    clientId: 'google-client-id.apps.googleusercontent.com',
    clientSecret: secret('google'),
    authorizePath: '/o/oauth2/v2/auth',
    tokenPath: '/token',
    revokePath: '/revoke',
    ...rfc6749Rules,
    clientAuth: 'body',
    pkce: 'accepted',
    scopeSeparator: ' ',
    requiredAuthorizeParams: { access_type: 'offline', prompt: 'consent' },
    accessTtlSeconds: 3599,
    issuesRefreshToken: true,
  },
  spec: (base) => ({
    client: {
      id: 'google-client-id.apps.googleusercontent.com',
      secret: secret('google'),
      redirectUris: [REDIRECT_URI],
    },
    authorizeUrl: `${base}/o/oauth2/v2/auth`,
    tokenUrl: `${base}/token`,
    revokeUrl: `${base}/revoke`,
    scopes: ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/adwords'],
    authorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
  }),
};

export const pinterestCase: PlatformCase = {
  name: 'Pinterest',
  platformId: 'pinterest',
  rules: {
    platform: 'pinterest',
    clientId: 'pinterest-app-id',
    clientSecret: secret('pinterest'),
    authorizePath: '/oauth/',
    tokenPath: '/v5/oauth/token',
    ...rfc6749Rules,
    clientAuth: 'basic',
    pkce: 'none',
    scopeSeparator: ',',
    requiredRefreshParams: { continuous_refresh: 'true' },
    accessTtlSeconds: 2_592_000,
    issuesRefreshToken: true,
  },
  spec: (base) => ({
    client: { id: 'pinterest-app-id', secret: secret('pinterest'), redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${base}/oauth/`,
    tokenUrl: `${base}/v5/oauth/token`,
    scopes: ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'],
    scopeSeparator: ',',
    clientAuth: 'basic',
    // Pinterest documents no PKCE for its authorization code flow.
    pkce: false,
    refreshParams: { continuous_refresh: 'true' },
    refreshMarginMs: 24 * 3_600_000,
  }),
};

export const metaCase: PlatformCase = {
  name: 'Meta',
  platformId: 'meta',
  rules: {
    platform: 'meta',
    clientId: 'meta-app-id',
    clientSecret: secret('meta'),
    authorizePath: '/v25.0/dialog/oauth',
    tokenPath: '/v25.0/oauth/access_token',
    clientIdField: 'client_id',
    clientSecretField: 'client_secret',
    clientAuth: 'body',
    tokenEncoding: 'query',
    codeField: 'code',
    pkce: 'none',
    requireGrantType: false,
    requireRedirectUri: true,
    requireResponseType: false,
    scopeSeparator: ',',
    accessTtlSeconds: 5400,
    longLivedTtlSeconds: 5_183_944,
    issuesRefreshToken: false,
  },
  spec: (base) => ({
    client: { id: 'meta-app-id', secret: secret('meta'), redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${base}/v25.0/dialog/oauth`,
    tokenUrl: `${base}/v25.0/oauth/access_token`,
    scopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'instagram_content_publish'],
    scopeSeparator: ',',
    pkce: false,
    tokenRequest: { encoding: 'query', sendGrantType: false },
    // Re-exchange the 60-day token a week before it lapses.
    refreshMarginMs: 7 * 86_400_000,
    hooks: {
      exchangeLongLived: ({ accessToken, requestToken }) =>
        requestToken({ grant_type: 'fb_exchange_token', fb_exchange_token: accessToken }),
      discoverAccounts: async ({ accessToken, fetch }) => {
        const response = await fetch(`${base}/v25.0/me/accounts`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        if (!response.ok) throw new Error(`me/accounts answered ${response.status}`);
        const body = (await response.json()) as {
          data: Array<{ id: string; name: string; access_token: string }>;
        };
        return body.data.map(
          (page): DiscoveredAccount => ({
            id: page.id,
            kind: 'page',
            name: page.name,
            accessToken: page.access_token,
          }),
        );
      },
    },
  }),
};

/** TikTok's Marketing API answers HTTP 200 with `{ code, message, data }`; code 0 is success. */
function readTikTokMarketingTokens(body: unknown): TokenGrant | { error: string; errorDescription?: string } {
  const envelope = (body ?? {}) as { code?: number; message?: string; data?: Record<string, unknown> };
  if (envelope.code !== 0 || typeof envelope.data?.access_token !== 'string') {
    return {
      error: envelope.code === 40110 ? 'invalid_grant' : `tiktok_${String(envelope.code ?? 'unknown')}`,
      ...(envelope.message === undefined ? {} : { errorDescription: envelope.message }),
    };
  }
  const { access_token, ...details } = envelope.data;
  return { accessToken: access_token, details };
}
