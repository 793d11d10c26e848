import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, ConfigError, PlatformApiError } from '../../src/errors/index';
import type { ConnectionExpiredEvent } from '../../src/events/index';
import { createEventBus } from '../../src/events/index';
import { createHttpClient } from '../../src/http/index';
import { createConnectionManager, OAuthGrantError } from '../../src/oauth/index';
import { memoryStore } from '../../src/store/index';
import { createTokenVault } from '../../src/vault/index';
import { connect, createEngine, type EngineFixture } from './support/engine-fixture';
import { type OAuthAuthority, startAuthority } from './support/oauth-authority';
import { xCase } from './support/platform-specs';

let authority: OAuthAuthority;
let engine: EngineFixture;

beforeEach(async () => {
  authority = await startAuthority(xCase.rules);
  engine = createEngine([{ id: 'x', oauth: xCase.spec(authority.url) }]);
});

afterEach(async () => {
  await authority.close();
});

describe('getAccessToken', () => {
  it('refreshes once when 100 calls race on an expired token', async () => {
    const connection = await connect(engine.manager, 'x');
    const expired = await engine.manager.getAccessToken(connection.id);
    engine.clock.advance(2 * 3_600_000);
    authority.refreshDelayMs = 200;

    const tokens = await Promise.all(
      Array.from({ length: 100 }, () => engine.manager.getAccessToken(connection.id)),
    );

    expect(authority.counts.refresh).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(expired);
  });

  it('refreshes early, within the margin before expiry, and not before', async () => {
    const connection = await connect(engine.manager, 'x');
    engine.clock.advance(2 * 3_600_000 - 6 * 60_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(0);
    engine.clock.advance(2 * 60_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(1);
  });

  it('keeps the old refresh token when a refresh answers without one', async () => {
    const connection = await connect(engine.manager, 'x');
    const original = (await engine.vault.read(connection.id))?.refreshToken;
    expect(original).toMatch(/^rt-x-/);
    authority.omitRefreshTokenOnRefresh = true;

    engine.clock.advance(2 * 3_600_000);
    await engine.manager.getAccessToken(connection.id);
    expect((await engine.vault.read(connection.id))?.refreshToken).toBe(original);

    engine.clock.advance(2 * 3_600_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(2);
  });

  it('moves the connection to expired on invalid_grant and emits connection.expired exactly once', async () => {
    const connection = await connect(engine.manager, 'x');
    const expiredEvents: ConnectionExpiredEvent[] = [];
    engine.events.on('connection.expired', (event) => expiredEvents.push(event));
    authority.refreshFailure = { status: 400, error: 'invalid_grant' };
    engine.clock.advance(2 * 3_600_000);

    const failures = await Promise.all(
      Array.from({ length: 20 }, () =>
        engine.manager.getAccessToken(connection.id).catch((error: unknown) => error),
      ),
    );
    const later = await engine.manager.getAccessToken(connection.id).catch((error: unknown) => error);

    expect(failures.every((error) => OAuthGrantError.isInstance(error) && error.needsReconnect)).toBe(true);
    expect(AuthError.isInstance(later) && later.needsReconnect).toBe(true);
    expect(authority.counts.refresh).toBe(1);
    expect(expiredEvents).toHaveLength(1);
    expect(expiredEvents[0]).toMatchObject({
      connectionId: connection.id,
      platform: 'x',
      reason: 'invalid_grant',
    });
    const reconnect = new URL(expiredEvents[0]?.reconnectUrl ?? '');
    expect(reconnect.pathname).toBe('/i/oauth2/authorize');
    expect(reconnect.searchParams.get('state')).toBeTruthy();
    const stored = await engine.manager.get(connection.id);
    expect(stored?.status).toBe('expired');
    expect(stored?.lastError?.code).toBe('invalid_grant');
  });

  it('keeps the connection connected on a temporary token endpoint failure and succeeds later', async () => {
    const connection = await connect(engine.manager, 'x');
    authority.refreshFailure = { status: 503, error: 'temporarily_unavailable' };
    engine.clock.advance(2 * 3_600_000);

    const error = await engine.manager.getAccessToken(connection.id).catch((caught: unknown) => caught);
    expect(PlatformApiError.isInstance(error) && error.retryable).toBe(true);
    const during = await engine.manager.get(connection.id);
    expect(during?.status).toBe('connected');
    expect(during?.lastError?.code).toBe('platform_api_error');

    authority.refreshFailure = undefined;
    expect(await engine.manager.getAccessToken(connection.id)).toMatch(/^at-x-/);
    expect((await engine.manager.get(connection.id))?.lastError).toBeUndefined();
  });

  it('marks the connection as error, not expired, when the platform rejects the app credentials', async () => {
    const connection = await connect(engine.manager, 'x');
    authority.refreshFailure = { status: 401, error: 'invalid_client' };
    engine.clock.advance(2 * 3_600_000);
    const error = await engine.manager.getAccessToken(connection.id).catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error) && error.kind).toBe('misconfigured');
    expect((await engine.manager.get(connection.id))?.status).toBe('error');
  });
});

describe('credentials() with the HTTP kernel', () => {
  let api: Server;
  let apiUrl: string;
  let apiCalls: number;
  /** Tokens the platform stopped accepting before they expired (revoked on its side). */
  let refused: Set<string>;
  let acceptNothing: boolean;

  beforeEach(async () => {
    apiCalls = 0;
    refused = new Set();
    acceptNothing = false;
    api = createServer((request, response) => {
      apiCalls += 1;
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const ok = !acceptNothing && authority.issued.includes(token) && !refused.has(token);
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? { data: { id: 'me' } } : { title: 'Unauthorized', status: 401 }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => api.close(resolve));
  });

  it('refreshes once after a 401 and retries the call with the new token', async () => {
    const connection = await connect(engine.manager, 'x');
    const stale = await engine.manager.getAccessToken(connection.id);
    refused.add(stale);
    const http = createHttpClient({ platform: 'x', baseUrl: apiUrl });

    const response = await http.request<{ data: { id: string } }>({
      url: '/2/users/me',
      auth: engine.manager.credentials(connection.id),
    });

    expect(response.status).toBe(200);
    expect(authority.counts.refresh).toBe(1);
    expect(apiCalls).toBe(2);
    expect(await engine.manager.getAccessToken(connection.id)).not.toBe(stale);
  });

  it('never loops: a second 401 after the refresh fails the call', async () => {
    const connection = await connect(engine.manager, 'x');
    acceptNothing = true;
    const http = createHttpClient({ platform: 'x', baseUrl: apiUrl });
    const error = await http
      .request({ url: '/2/users/me', auth: engine.manager.credentials(connection.id) })
      .catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error) || PlatformApiError.isInstance(error)).toBe(true);
    expect(authority.counts.refresh).toBe(1);
    expect(apiCalls).toBe(2);
  });

  it('uses a token another caller already refreshed instead of refreshing again', async () => {
    const connection = await connect(engine.manager, 'x');
    const stale = await engine.manager.getAccessToken(connection.id);
    refused.add(stale);
    const first = engine.manager.credentials(connection.id);
    const second = engine.manager.credentials(connection.id);
    await first.getAccessToken();
    await second.getAccessToken();
    const afterFirst = await first.refreshAfterUnauthorized?.();
    // The second caller was refused the same stale token: the stored token is already newer.
    const afterSecond = await second.refreshAfterUnauthorized?.();
    expect(afterSecond).toBe(afterFirst);
    expect(afterFirst).not.toBe(stale);
    expect(authority.counts.refresh).toBe(1);
  });
});

describe('refresh lock configuration', () => {
  const build = (options: { refreshLock?: { ttlMs?: number }; requestTimeoutMs?: number }) => {
    const store = memoryStore();
    return () =>
      createConnectionManager({
        platforms: [{ id: 'x', oauth: xCase.spec('http://127.0.0.1:1') }],
        store,
        vault: createTokenVault({ keys: [Buffer.alloc(32, 7).toString('base64')], store }),
        events: createEventBus(),
        ...options,
      });
  };

  it('refuses at startup a lock TTL that does not outlast the token request timeout, naming the setting and fix', () => {
    const error = (() => {
      try {
        build({ refreshLock: { ttlMs: 10_000 }, requestTimeoutMs: 15_000 })();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).setting).toBe('refreshLock.ttlMs');
    expect((error as ConfigError).message).toContain('requestTimeoutMs');
    expect((error as ConfigError).fix).toContain('20000');
  });

  it('accepts a lock TTL that outlasts the request timeout, and a long timeout with the default TTL', () => {
    expect(build({ refreshLock: { ttlMs: 20_000 }, requestTimeoutMs: 15_000 })).not.toThrow();
    expect(build({ requestTimeoutMs: 60_000 })).not.toThrow();
  });
});
