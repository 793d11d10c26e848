import type { AdapterContext } from '../contracts/index';
import type { AccessTokenSource, HttpClientOptions } from '../http/index';
import { createHttpClient } from '../http/index';
import type { Logger } from '../logging/index';
import { silentLogger } from '../logging/index';
import type { ConnectedAccount, Connection, PlatformId } from '../model/index';
import { ConnectionSchema } from '../model/index';

/** Settings for {@link createTestAdapterContext}. */
export interface TestAdapterContextOptions {
  /** The platform of the connection and the HTTP client. */
  readonly platform: PlatformId;
  /** The access token every call presents (an emulator-issued one, or a rejected one for 401 tests). */
  readonly accessToken: string;
  /** Accounts of the connection; the first is the one conformance posts are made as. */
  readonly accounts: readonly ConnectedAccount[];
  /** Granted scopes. Default none. */
  readonly scopes?: readonly string[];
  /** Called once after the platform rejects the token; omit to surface the 401 as is. */
  readonly refreshAccessToken?: () => Promise<string>;
  /**
   * HTTP client settings: the adapter's error mapper, a `fetch` that reaches the emulator (see
   * `redirectFetch`), retry settings. Default retry: 3 retries, total wait capped at 10 s.
   */
  readonly http?: Omit<HttpClientOptions, 'platform'>;
  readonly logger?: Logger;
  readonly connectionId?: string;
  readonly signal?: AbortSignal;
}

/**
 * A ready {@link AdapterContext} for tests: a `connected` connection with the given accounts, a fixed
 * access token, a real HTTP kernel (so retries, rate-limit headers and error mapping behave as in
 * production) and a silent logger.
 *
 * @example
 * ```ts
 * const ctx = createTestAdapterContext({
 *   platform: 'x',
 *   accessToken: emulator.issueToken(),
 *   accounts: [{ id: '2244994945', kind: 'user', name: 'Acme' }],
 *   http: { mapError: mapXError, fetch: redirectFetch({ to: emulator.url, hosts: ['api.x.com'] }) },
 * });
 * ```
 */
export function createTestAdapterContext(options: TestAdapterContextOptions): AdapterContext {
  const now = new Date().toISOString();
  const connection: Connection = ConnectionSchema.parse({
    id: options.connectionId ?? `conn-test-${options.platform}`,
    storeId: 'store-test',
    userId: 'user-test',
    platform: options.platform,
    status: 'connected',
    accounts: options.accounts,
    scopes: options.scopes ?? [],
    missingScopes: [],
    createdAt: now,
    updatedAt: now,
  });
  const credentials: AccessTokenSource = {
    getAccessToken: async () => options.accessToken,
    ...(options.refreshAccessToken === undefined
      ? {}
      : { refreshAfterUnauthorized: options.refreshAccessToken }),
  };
  const http = createHttpClient({
    retry: { maxAttempts: 3, maxTotalWaitMs: 10_000 },
    ...options.http,
    platform: options.platform,
  });
  return {
    connection,
    credentials,
    http,
    logger: options.logger ?? silentLogger,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}
