import { afterEach, beforeEach, describe, it } from 'vitest';
import type { PlatformAdapter } from '../../contracts/index';
import type { AdapterCheck } from './adapter-checks';
import { declaresSpecificationV1, hasConsistentCapabilities, hasWellFormedOAuthSpec } from './adapter-checks';
import type { ConformanceFixture, ConformanceSession, PlatformConformanceHarness } from './harness';
import type { SessionCheck } from './social-checks';
import {
  findsThePublishedPost,
  keepsSecretsOutOfErrors,
  publishesAPost,
  readsPostMetrics,
  rejectsOverLongCaption,
  retriesOrSurfacesOneRateLimit,
  surfacesExhaustedRateLimit,
  surfacesRejectedToken,
} from './social-checks';
import { verifiesWebhookSignatures } from './webhook-checks';

/** Settings for {@link runPlatformConformance}. */
export interface PlatformConformanceOptions {
  /** The adapter under test. Its shape decides which groups run (`social`, `webhooks`). */
  readonly adapter: PlatformAdapter;
  /** Starts the adapter's emulator; provided by the adapter package's `/testing` subpath. */
  readonly harness: PlatformConformanceHarness;
  /** Suite title. Default: the adapter's display name. */
  readonly name?: string;
  /** Timeout of each check in ms. Default 30 000 (one check waits out a 1 s rate limit). */
  readonly timeoutMs?: number;
}

/** A named check of the adapter value alone. */
export interface NamedAdapterCheck {
  readonly name: string;
  readonly run: AdapterCheck;
}

/** A named check against a started emulator. */
export interface NamedSessionCheck {
  readonly name: string;
  readonly run: SessionCheck;
}

/**
 * Every check of the platform conformance suite as plain async functions, grouped as
 * `runPlatformConformance` runs them. Run one directly to test a check itself, or to reuse it in an
 * adapter's own tests.
 */
export const platformConformanceChecks: {
  readonly adapter: readonly NamedAdapterCheck[];
  readonly social: readonly NamedSessionCheck[];
  readonly webhooks: readonly NamedSessionCheck[];
} = {
  adapter: [
    { name: "declares specificationVersion 'v1', an id and a display name", run: declaresSpecificationV1 },
    {
      name: 'has a well-formed OAuth spec (https endpoints, scopes, known client auth)',
      run: hasWellFormedOAuthSpec,
    },
    {
      name: 'declares capabilities consistent with its methods, media limits and rate limits',
      run: hasConsistentCapabilities,
    },
  ],
  social: [
    {
      name: 'validate() rejects an over-long caption with an issue naming the field',
      run: rejectsOverLongCaption,
    },
    { name: 'publishes a post to the emulator and returns the platform id', run: publishesAPost },
    {
      name: 'findPublished() finds a published post by idempotency key or content hash',
      run: findsThePublishedPost,
    },
    { name: 'getPostMetrics() returns counts for a published post', run: readsPostMetrics },
    { name: 'a lasting 429 surfaces as RateLimitError', run: surfacesExhaustedRateLimit },
    {
      name: 'a short 429 is retried after the platform delay or surfaces as RateLimitError',
      run: retriesOrSurfacesOneRateLimit,
    },
    { name: 'a token the platform rejects surfaces as AuthError', run: surfacesRejectedToken },
    { name: 'no harness secret appears in any thrown error', run: keepsSecretsOutOfErrors },
  ],
  webhooks: [
    { name: 'verify() accepts a signed webhook and rejects a tampered body', run: verifiesWebhookSignatures },
  ],
};

/**
 * The conformance suite every platform adapter and its emulator must pass, as vitest `describe`/`it`
 * blocks. Adapter checks always run; social checks run when the adapter has `social`, webhook checks
 * when it has `webhooks`. Each emulator-backed check gets a freshly started session.
 *
 * @example
 * ```ts
 * // packages/platform-x/test/conformance.test.ts
 * import { runPlatformConformance } from '@growthhub/core/testing';
 * import { x } from '../src/index';
 * import { xConformanceHarness } from '../src/testing/index';
 *
 * runPlatformConformance({ adapter: x(settings), harness: xConformanceHarness(settings) });
 * ```
 */
export function runPlatformConformance(options: PlatformConformanceOptions): void {
  const { adapter, harness } = options;
  const timeout = options.timeoutMs ?? 30_000;
  describe(`${options.name ?? adapter.displayName} conforms to PlatformAdapter v1`, () => {
    describe('adapter value', () => {
      for (const check of platformConformanceChecks.adapter) it(check.name, () => check.run(adapter));
    });
    if (typeof adapter.social === 'function')
      describeSessionChecks('social publishing', platformConformanceChecks.social);
    if (adapter.webhooks !== undefined) describeSessionChecks('webhooks', platformConformanceChecks.webhooks);
  });

  function describeSessionChecks(title: string, checks: readonly NamedSessionCheck[]): void {
    describe(title, () => {
      let session: ConformanceSession | undefined;
      beforeEach(async () => {
        session = await harness.start();
      }, timeout);
      afterEach(async () => {
        await session?.stop();
        session = undefined;
      }, timeout);
      for (const check of checks) {
        it(
          check.name,
          async () => {
            if (session === undefined) throw new Error('The harness did not start a session.');
            const fixture: ConformanceFixture = { adapter: session.adapter ?? adapter, session };
            await check.run(fixture);
          },
          timeout,
        );
      }
    });
  }
}
