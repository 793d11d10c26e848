import { expect } from 'vitest';
import type { MediaLimits, PlatformAdapter } from '../../contracts/index';
import { OAuthSpecDataSchema } from '../../contracts/index';
import { PlatformIdSchema } from '../../model/index';

/** A check on the adapter value alone (no emulator). Throws an assertion error when it fails. */
export type AdapterCheck = (adapter: PlatformAdapter) => void | Promise<void>;

/** `specificationVersion` is `'v1'`; `id` is a known `PlatformId`; `displayName` is not blank. */
export const declaresSpecificationV1: AdapterCheck = (adapter) => {
  expect(adapter.specificationVersion, 'adapter.specificationVersion').toBe('v1');
  expect(PlatformIdSchema.options, 'adapter.id must be a PlatformId').toContain(adapter.id);
  expect(adapter.displayName.trim().length, 'adapter.displayName must not be blank').toBeGreaterThan(0);
};

/**
 * The OAuth spec passes core's schema, every endpoint is `https`, scopes are non-empty and the client
 * authentication style is one the engine knows (`basic` or `body`).
 */
export const hasWellFormedOAuthSpec: AdapterCheck = (adapter) => {
  const { hooks: _hooks, ...data } = adapter.oauth;
  const parsed = OAuthSpecDataSchema.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `oauth.${i.path.join('.')}: ${i.message}`);
  expect(problems, 'adapter.oauth must pass OAuthSpecDataSchema').toEqual([]);
  for (const key of ['authorizeUrl', 'tokenUrl', 'revokeUrl'] as const) {
    const url = adapter.oauth[key];
    if (url !== undefined) expect(new URL(url).protocol, `oauth.${key} must use https`).toBe('https:');
  }
  expect(adapter.oauth.scopes.length, 'oauth.scopes must not be empty').toBeGreaterThan(0);
  for (const scope of adapter.oauth.scopes)
    expect(scope.trim(), 'oauth.scopes must not hold blank scopes').not.toBe('');
  expect(['basic', 'body', undefined], 'oauth.clientAuth must be basic or body').toContain(
    adapter.oauth.clientAuth,
  );
};

/**
 * Capabilities agree with the adapter: `social` exists exactly when social channels are declared
 * (same for `ads`), every declared post kind has sane media limits, caption limits are positive, and
 * every rate-limit rule has a bucket and a positive limit and window.
 */
export const hasConsistentCapabilities: AdapterCheck = (adapter) => {
  const { capabilities } = adapter;
  const channels = Object.entries(capabilities.social ?? {});
  expect(
    channels.length > 0,
    'capabilities.social must list channels exactly when adapter.social exists',
  ).toBe(typeof adapter.social === 'function');
  expect(
    capabilities.ads !== undefined,
    'capabilities.ads must be present exactly when adapter.ads exists',
  ).toBe(typeof adapter.ads === 'function');
  for (const [channel, channelCapabilities] of channels) {
    if (channelCapabilities === undefined) continue;
    const kinds = Object.entries(channelCapabilities.postKinds);
    expect(
      kinds.length,
      `capabilities.social.${channel}.postKinds must declare at least one kind`,
    ).toBeGreaterThan(0);
    for (const [kind, limits] of kinds) {
      expect(limits, `capabilities.social.${channel}.postKinds.${kind} needs media limits`).toBeDefined();
      if (limits !== undefined) checkMediaLimits(limits, `capabilities.social.${channel}.postKinds.${kind}`);
    }
    expect(
      channelCapabilities.caption.maxLength,
      `capabilities.social.${channel}.caption.maxLength`,
    ).toBeGreaterThan(0);
  }
  if (capabilities.ads !== undefined) {
    expect(
      capabilities.ads.objectives.length,
      'capabilities.ads.objectives must not be empty',
    ).toBeGreaterThan(0);
  }
  capabilities.rateLimits.forEach((rule, index) => {
    const where = `capabilities.rateLimits[${index}]`;
    expect(rule.bucket.trim(), `${where}.bucket must not be blank`).not.toBe('');
    expect(Number.isInteger(rule.limit) && rule.limit > 0, `${where}.limit must be a positive integer`).toBe(
      true,
    );
    expect(
      rule.intervalMs > 0 && Number.isFinite(rule.intervalMs),
      `${where}.intervalMs must be positive`,
    ).toBe(true);
  });
};

function checkMediaLimits(limits: MediaLimits, where: string): void {
  expect(Number.isInteger(limits.minCount) && limits.minCount >= 0, `${where}.minCount must be >= 0`).toBe(
    true,
  );
  expect(limits.maxCount, `${where}.maxCount must be >= minCount`).toBeGreaterThanOrEqual(limits.minCount);
  const files = Object.entries(limits.files);
  if (limits.maxCount > 0) {
    expect(files.length, `${where}.files must list the accepted media kinds`).toBeGreaterThan(0);
  }
  for (const [kind, file] of files) {
    if (file === undefined) continue;
    expect(file.mimeTypes.length, `${where}.files.${kind}.mimeTypes must not be empty`).toBeGreaterThan(0);
    expect(file.maxBytes, `${where}.files.${kind}.maxBytes must be positive`).toBeGreaterThan(0);
    if (file.minDurationMs !== undefined && file.maxDurationMs !== undefined) {
      expect(
        file.maxDurationMs,
        `${where}.files.${kind}.maxDurationMs must be >= minDurationMs`,
      ).toBeGreaterThanOrEqual(file.minDurationMs);
    }
  }
}
