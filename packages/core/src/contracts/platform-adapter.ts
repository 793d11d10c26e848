import type { AccessTokenSource, ErrorMapper, HttpClient } from '../http/index';
import type { Logger } from '../logging/index';
import type { Connection } from '../model/connection';
import type { PlatformId } from '../model/platform';
import type { RateLimitUsage } from '../rate-limit/index';
import type { AdsManager } from './ads-manager';
import type { PlatformCapabilities } from './capabilities';
import type { OAuthSpec } from './oauth-spec';
import type { SocialPublisher } from './social-publisher';
import type { WebhookHandler } from './webhook-handler';

/**
 * What an adapter gets for one connection's calls. Built per use by the engine: credentials are
 * resolved lazily (and refreshed) by `credentials`, never stored on the adapter.
 */
export interface AdapterContext {
  /** The connection being used (accounts, scopes, status); contains no token. */
  readonly connection: Connection;
  /** Yields the current access token; refreshes once after a 401 when the platform allows. */
  readonly credentials: AccessTokenSource;
  /** The shared HTTP kernel (one retry layer, rate limiting, typed errors). */
  readonly http: HttpClient;
  /** Redacting logger scoped to the platform and connection. */
  readonly logger: Logger;
  /** Aborts everything done through this context. */
  readonly signal?: AbortSignal;
}

/**
 * A platform adapter, specification version 1 (named and versioned like the AI SDK's provider
 * specs: a breaking change adds a `v2` beside it). Made by a factory with explicit settings, e.g.
 * `x({ clientId, clientSecret, redirectUri })`; it reads no environment variables and holds no token.
 */
export interface PlatformAdapter {
  readonly specificationVersion: 'v1';
  /** Which platform this is; also the `platform` of its connections. */
  readonly id: PlatformId;
  /** Human-readable name, e.g. `X`, `Meta (Facebook, Instagram, Ads)`. */
  readonly displayName: string;
  /** Declarative OAuth configuration run by the core OAuth engine. */
  readonly oauth: OAuthSpec;
  /** What it can publish and advertise, with limits. */
  readonly capabilities: PlatformCapabilities;
  /** Organic publishing for a connection; absent when the platform has none here. */
  social?(ctx: AdapterContext): SocialPublisher;
  /** Paid ads for a connection; absent when the platform has none here. */
  ads?(ctx: AdapterContext): AdsManager;
  /** Incoming webhooks, when the platform sends any. */
  readonly webhooks?: WebhookHandler;
  /**
   * Turns this platform's error envelopes into typed errors by code. Whoever builds the HTTP kernel for
   * this platform (the engine, a host) passes it as `createHttpClient({ mapError })`; without it the
   * kernel's status-based default applies, which cannot tell e.g. a duplicate post from a missing scope.
   */
  readonly mapError?: ErrorMapper;
  /**
   * Reads this platform's usage headers into a bucket usage report (e.g. Meta's
   * `X-Business-Use-Case-Usage`), passed as `createHttpClient({ readUsage })`. Absent: the kernel's
   * built-in `x-rate-limit-*` reader.
   */
  readUsage?(headers: Headers): RateLimitUsage | undefined;
}

/** True when `value` looks like a {@link PlatformAdapter} of specification version 1. */
export function isPlatformAdapterV1(value: unknown): value is PlatformAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof PlatformAdapter, unknown>>;
  return (
    candidate.specificationVersion === 'v1' &&
    typeof candidate.id === 'string' &&
    typeof candidate.displayName === 'string' &&
    typeof candidate.oauth === 'object' &&
    candidate.oauth !== null &&
    typeof candidate.capabilities === 'object' &&
    candidate.capabilities !== null
  );
}
