import { randomBytes } from 'node:crypto';
import type { AdapterContext, Connection, ConnectionManager } from '@growthhub/core';
import {
  AuthError,
  type ConnectionExpiredEvent,
  createConnectionManager,
  createEventBus,
  createHttpClient,
  createTokenVault,
  memoryStore,
  silentLogger,
} from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type XAdapter, x } from '../src/index';
import { clickConsent, createXEmulator, type XEmulator, type XEmulatorOptions } from '../src/testing/index';
import { buildPost } from './connected-account';

const REDIRECT_URI = 'http://127.0.0.1:3000/callback/x';

let emulator: XEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The host's side: an engine connection manager with the X adapter pointed at the emulator. */
async function hostWith(options: { clientSecret?: string; emulator?: XEmulatorOptions } = {}) {
  emulator = createXEmulator(options.emulator);
  const { url } = await emulator.listen();
  const adapter = x({
    clientId: 'growthhub-x-client',
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    redirectUri: REDIRECT_URI,
    baseUrl: url,
  });
  const store = memoryStore();
  const events = createEventBus();
  const connections = createConnectionManager({
    platforms: [adapter],
    store,
    vault: createTokenVault({ keys: [randomBytes(32).toString('base64')], store }),
    events,
  });
  return { emulator, adapter, connections, events };
}

async function connect(connections: ConnectionManager, running: XEmulator): Promise<Connection> {
  const { url } = await connections.begin({
    platform: 'x',
    storeId: 'store-1',
    userId: 'owner-1',
    redirectUri: REDIRECT_URI,
  });
  const consent = await clickConsent(url);
  expect(consent.location.startsWith(REDIRECT_URI)).toBe(true);
  expect(running.requests.at(-1)?.path).toBe('/i/oauth2/authorize');
  return connections.complete({ platform: 'x', code: consent.code ?? '', state: consent.state ?? '' });
}

function contextFor(
  adapter: XAdapter,
  connections: ConnectionManager,
  connection: Connection,
): AdapterContext {
  return {
    connection,
    credentials: connections.credentials(connection.id),
    http: createHttpClient({ platform: 'x', mapError: adapter.mapError }),
    logger: silentLogger,
  };
}

describe('connecting an X account', () => {
  it('sends the user to the consent page with PKCE S256 and the X scopes', async () => {
    const host = await hostWith({ clientSecret: 'growthhub-x-secret' });
    const { url } = await host.connections.begin({
      platform: 'x',
      storeId: 'store-1',
      userId: 'owner-1',
      redirectUri: REDIRECT_URI,
    });
    const authorize = new URL(url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${host.emulator.url}/i/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('scope')).toBe(
      'tweet.read tweet.write users.read offline.access media.write',
    );
    const page = await fetch(url);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<button type="submit" name="decision" value="approve">Authorize app</button>');
  });

  it('connects a confidential client: code + verifier with HTTP Basic, account from /2/users/me', async () => {
    const host = await hostWith({ clientSecret: 'growthhub-x-secret' });
    const connection = await connect(host.connections, host.emulator);
    expect(connection.status).toBe('connected');
    expect(connection.accounts).toEqual([{ id: '2244994945', kind: 'user', name: 'Growth Hub Demo' }]);
    expect(connection.scopes).toEqual([
      'tweet.read',
      'tweet.write',
      'users.read',
      'offline.access',
      'media.write',
    ]);
    const exchange = host.emulator.requests.find((request) => request.path === '/2/oauth2/token');
    const basic = `Basic ${Buffer.from('growthhub-x-client:growthhub-x-secret').toString('base64')}`;
    expect(exchange?.headers.authorization).toBe(basic);
    expect(exchange?.status).toBe(200);
    const form = exchange?.body as Record<string, string>;
    expect(form.grant_type).toBe('authorization_code');
    expect(form.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(form.client_secret).toBeUndefined();
    expect(
      host.emulator.requests.some((request) => request.path === '/2/users/me' && request.status === 200),
    ).toBe(true);
  });

  it('connects a public client with client_id in the body and no Basic header', async () => {
    const host = await hostWith({
      emulator: { clients: [{ clientId: 'growthhub-x-client', redirectUris: [REDIRECT_URI] }] },
    });
    const connection = await connect(host.connections, host.emulator);
    expect(connection.accounts[0]?.id).toBe('2244994945');
    const exchange = host.emulator.requests.find((request) => request.path === '/2/oauth2/token');
    expect(exchange?.headers.authorization).toBeUndefined();
    expect((exchange?.body as Record<string, string> | undefined)?.client_id).toBe('growthhub-x-client');
  });

  it('publishes with the connection, refreshing once when X answers 401', async () => {
    const host = await hostWith({ clientSecret: 'growthhub-x-secret' });
    const connection = await connect(host.connections, host.emulator);
    const publisher = host.adapter.social(contextFor(host.adapter, host.connections, connection));
    await publisher.publish(buildPost(connection.accounts[0]?.id ?? ''), { idempotencyKey: 'first' });
    const used =
      host.emulator.requests.filter((request) => request.path === '/2/tweets').at(-1)?.headers
        .authorization ?? '';
    host.emulator.expireAccessToken(used.replace(/^Bearer /, ''));

    const mark = host.emulator.requests.length;
    const result = await publisher.publish(buildPost(connection.accounts[0]?.id ?? ''), {
      idempotencyKey: 'second',
    });
    const calls = host.emulator.requests
      .slice(mark)
      .map((request) => `${request.method} ${request.path} ${request.status}`);
    expect(calls).toEqual(['POST /2/tweets 401', 'POST /2/oauth2/token 200', 'POST /2/tweets 201']);
    const refresh = host.emulator.requests.slice(mark).find((request) => request.path === '/2/oauth2/token');
    expect((refresh?.body as Record<string, string> | undefined)?.grant_type).toBe('refresh_token');
    expect(host.emulator.post(result.status === 'published' ? result.platformPostId : '')?.authorId).toBe(
      '2244994945',
    );
  });

  it('surfaces AuthError after the user revoked the app, with no retry loop', async () => {
    const host = await hostWith({ clientSecret: 'growthhub-x-secret' });
    const connection = await connect(host.connections, host.emulator);
    const publisher = host.adapter.social(contextFor(host.adapter, host.connections, connection));
    host.emulator.revokeAppAccess();
    const mark = host.emulator.requests.length;
    const error = await publisher
      .publish(buildPost(connection.accounts[0]?.id ?? ''), { idempotencyKey: 'revoked' })
      .catch((thrown) => thrown);
    expect(AuthError.isInstance(error)).toBe(true);
    const tweets = host.emulator.requests.slice(mark).filter((request) => request.path === '/2/tweets');
    expect(tweets.length).toBeLessThanOrEqual(2);
    expect(host.emulator.posts()).toHaveLength(0);
  });

  it('moves the connection to expired, with a reconnect URL, when X refuses the revoked refresh token', async () => {
    const host = await hostWith({ clientSecret: 'growthhub-x-secret' });
    const connection = await connect(host.connections, host.emulator);
    const expired: ConnectionExpiredEvent[] = [];
    host.events.on('connection.expired', (event) => expired.push(event));
    host.emulator.revokeAppAccess();
    const publisher = host.adapter.social(contextFor(host.adapter, host.connections, connection));

    const error = await publisher
      .publish(buildPost(connection.accounts[0]?.id ?? ''), { idempotencyKey: 'revoked-refresh' })
      .catch((thrown) => thrown);

    expect(AuthError.isInstance(error) && error.needsReconnect).toBe(true);
    expect((await host.connections.get(connection.id))?.status).toBe('expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]?.reason).toBe('invalid_request');
    expect(new URL(expired[0]?.reconnectUrl ?? '').pathname).toBe('/i/oauth2/authorize');
  });
});
