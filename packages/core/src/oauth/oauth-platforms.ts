import {
  type OAuthHooks,
  type OAuthSpec,
  OAuthSpecDataSchema,
  type ResolvedOAuthSpecData,
} from '../contracts/oauth-spec';
import { ConfigError } from '../errors/index';
import type { PlatformId } from '../model/platform';

/** Anything with a platform id and an {@link OAuthSpec}: every `PlatformAdapter` is one. */
export interface OAuthPlatform {
  readonly id: PlatformId;
  readonly oauth: OAuthSpec;
}

/** A platform whose spec was validated and completed with defaults. Internal. */
export interface ResolvedOAuthPlatform {
  readonly id: PlatformId;
  readonly spec: ResolvedOAuthSpecData;
  readonly hooks: OAuthHooks;
}

/**
 * Validates every platform's OAuth spec and applies its defaults; a wrong spec fails here, at startup,
 * with a `ConfigError` naming the field.
 */
export function resolvePlatforms(
  platforms: readonly OAuthPlatform[],
): Map<PlatformId, ResolvedOAuthPlatform> {
  if (!Array.isArray(platforms) || platforms.length === 0) {
    throw new ConfigError({
      setting: 'platforms',
      reason: 'no platform was given',
      fix: 'pass the platform adapters to connect, e.g. platforms: [x({ clientId, clientSecret, redirectUri })]',
    });
  }
  const resolved = new Map<PlatformId, ResolvedOAuthPlatform>();
  platforms.forEach((platform, index) => {
    if (resolved.has(platform.id)) {
      throw new ConfigError({
        setting: `platforms[${index}].id`,
        reason: `platform "${platform.id}" is given twice`,
        fix: 'pass each platform adapter once',
      });
    }
    const { hooks, ...data } = platform.oauth ?? ({} as OAuthSpec);
    const result = OAuthSpecDataSchema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      throw new ConfigError({
        setting: `platforms[${index}].oauth${path === '' ? '' : `.${path}`}`,
        reason: `the ${platform.id} OAuth spec is invalid: ${issue?.message ?? 'unknown problem'}`,
        fix: "correct the adapter's OAuth settings (client id, secret, redirect URIs, endpoint URLs)",
      });
    }
    resolved.set(platform.id, { id: platform.id, spec: result.data, hooks: hooks ?? {} });
  });
  return resolved;
}
