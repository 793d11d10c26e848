import { ConfigError } from '@growthhub/core';
import { z } from 'zod';

/** X's API host. */
export const X_API_BASE_URL = 'https://api.x.com';

/** Where X's docs and official SDKs send users to consent (the OpenAPI's `api.x.com/2/oauth2/authorize` is not it). */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

/** Scopes requested by default: post, read, stay connected (refresh token) and upload media. */
export const X_DEFAULT_SCOPES: readonly string[] = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
];

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * Settings of {@link x}. Only `clientId` and `redirectUri` are required; nothing is read from the
 * environment.
 */
export const XConfigSchema = z.strictObject({
  /** OAuth 2.0 client id from the X developer console. */
  clientId: z.string().min(1),
  /** OAuth 2.0 client secret of a confidential client; omit for a public (PKCE-only) client. */
  clientSecret: z.string().min(1).optional(),
  /** The callback URL registered for the app. */
  redirectUri: httpUrl,
  /** Further registered callback URLs (the engine refuses any other). */
  extraRedirectUris: z.array(httpUrl).default([]),
  /** Scopes to request; default {@link X_DEFAULT_SCOPES}. `tweet.read` and `users.read` are required. */
  scopes: z.array(z.string().min(1)).min(1).optional(),
  /** Where the X API lives (an emulator in tests and the sandbox). Default `https://api.x.com`. */
  baseUrl: httpUrl.optional(),
  /** The consent page. Default `https://x.com/i/oauth2/authorize`, or `<baseUrl>/i/oauth2/authorize` with a `baseUrl`. */
  authorizeUrl: httpUrl.optional(),
  /**
   * The app's consumer secret (API key secret), used for webhook CRC answers and signatures. This is
   * not the OAuth 2.0 client secret. Without it the adapter has no `webhooks`.
   */
  consumerSecret: z.string().min(1).optional(),
  /**
   * Let media URLs resolve to private, loopback or link-local addresses. Only for a sandbox whose
   * media server runs locally; never in production (it opens server-side request forgery).
   */
  allowPrivateMediaHosts: z.boolean().default(false),
  /** Bytes per `append` segment of a chunked upload (X allows up to 5 MB). Default 4 MiB. */
  chunkSizeBytes: z
    .int()
    .min(64 * 1024)
    .max(5 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** How long to wait for a video or GIF to finish processing. Default 10 minutes. */
  mediaProcessingTimeoutMs: z
    .int()
    .positive()
    .default(10 * 60_000),
});

/** Settings of {@link x} as the caller writes them. */
export type XConfig = z.input<typeof XConfigSchema>;

/** Settings of {@link x} with defaults applied and URLs resolved. */
export interface ResolvedXConfig extends z.output<typeof XConfigSchema> {
  readonly apiBaseUrl: string;
  readonly resolvedAuthorizeUrl: string;
  readonly resolvedScopes: readonly string[];
}

/** Validates settings, naming the setting and the fix when one is wrong. */
export function resolveXConfig(config: XConfig): ResolvedXConfig {
  const parsed = XConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = `x.${issue?.path.join('.') || 'config'}`;
    throw new ConfigError({
      setting,
      reason: issue?.message ?? 'is invalid',
      fix: `pass a valid ${setting} (see XConfig in @growthhub/platform-x)`,
    });
  }
  const settings = parsed.data;
  const scopes = settings.scopes ?? X_DEFAULT_SCOPES;
  for (const required of ['tweet.read', 'users.read']) {
    if (!scopes.includes(required)) {
      throw new ConfigError({
        setting: 'x.scopes',
        reason: `lacks ${required}, which account discovery needs`,
        fix: `add '${required}' to the scopes`,
      });
    }
  }
  const apiBaseUrl = (settings.baseUrl ?? X_API_BASE_URL).replace(/\/+$/, '');
  return {
    ...settings,
    apiBaseUrl,
    resolvedAuthorizeUrl:
      settings.authorizeUrl ??
      (settings.baseUrl === undefined ? X_AUTHORIZE_URL : `${apiBaseUrl}/i/oauth2/authorize`),
    resolvedScopes: scopes,
  };
}
