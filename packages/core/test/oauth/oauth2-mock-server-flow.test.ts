import type { IncomingMessage } from 'node:http';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuthSpec } from '../../src/contracts/oauth-spec';
import { OAuthGrantError } from '../../src/oauth/index';
import { beginFlow, completeFlow, createEngine, REDIRECT_URI } from './support/engine-fixture';

/**
 * The whole authorization-code + PKCE flow against oauth2-mock-server, a third-party OAuth 2.0 server
 * library (not our emulators): it issues signed JWTs and checks the S256 verifier against the challenge.
 */
let server: OAuth2Server;
let spec: OAuthSpec;
const tokenRequests: Array<{
  grantType: string;
  authorization: string | undefined;
  body: Record<string, string>;
}> = [];
let revocations = 0;

beforeAll(async () => {
  server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url as string;
  server.service.on(
    'beforeResponse',
    (response: { body: Record<string, unknown> }, request: IncomingMessage) => {
      const body = (request as IncomingMessage & { body: Record<string, string> }).body;
      tokenRequests.push({
        grantType: body.grant_type ?? '',
        authorization: request.headers.authorization,
        body,
      });
      // The user granted two of the three requested scopes.
      response.body.scope = 'openid profile';
    },
  );
  server.service.on('beforeRevoke', () => {
    revocations += 1;
  });
  spec = {
    client: { id: 'growthhub-e2e', secret: 'e2e-client-secret-9f8e7d', redirectUris: [REDIRECT_URI] },
    authorizeUrl: `${issuer}/authorize`,
    tokenUrl: `${issuer}/token`,
    revokeUrl: `${issuer}/revoke`,
    scopes: ['openid', 'profile', 'offline_access'],
    clientAuth: 'basic',
  };
});

afterAll(async () => {
  await server.stop();
});

async function authorize(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '').searchParams;
}

describe('authorization code + PKCE against oauth2-mock-server', () => {
  it('connects end to end, reports the scope the user withheld, refreshes and revokes', async () => {
    const engine = createEngine([{ id: 'google', oauth: spec }]);
    const url = await beginFlow(engine.manager, 'google', { storeId: 'shop-e2e', userId: 'owner-e2e' });
    const callback = await authorize(url);
    const connected = engine.events.next('connection.connected');

    const connection = await completeFlow(engine.manager, 'google', callback, { redirectUri: REDIRECT_URI });

    expect(connection.status).toBe('connected');
    expect(connection.scopes).toEqual(['openid', 'profile']);
    expect(connection.missingScopes).toEqual(['offline_access']);
    expect((await connected).connectionId).toBe(connection.id);
    const exchange = tokenRequests.at(-1);
    expect(exchange?.grantType).toBe('authorization_code');
    expect(exchange?.body.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(exchange?.authorization).toBe(
      `Basic ${Buffer.from('growthhub-e2e:e2e-client-secret-9f8e7d').toString('base64')}`,
    );

    const accessToken = await engine.manager.getAccessToken(connection.id);
    expect(accessToken.split('.')).toHaveLength(3);

    const firstExpiry = (await engine.vault.read(connection.id))?.expiresAt ?? '';
    engine.clock.advance(3_600_000);
    const refreshed = await engine.manager.getAccessToken(connection.id);
    expect(refreshed.split('.')).toHaveLength(3);
    expect(tokenRequests.filter((request) => request.grantType === 'refresh_token')).toHaveLength(1);
    expect(Date.parse((await engine.vault.read(connection.id))?.expiresAt ?? '')).toBeGreaterThan(
      Date.parse(firstExpiry),
    );

    await engine.manager.revoke(connection.id);
    expect(revocations).toBe(1);
    expect(await engine.manager.get(connection.id)).toBeUndefined();
  });

  it('is refused by the server when the code is redeemed with another flow verifier', async () => {
    const engine = createEngine([{ id: 'google', oauth: spec }]);
    const begin = () => beginFlow(engine.manager, 'google', { storeId: 'shop-e2e', userId: 'owner-e2e' });
    const flowA = await authorize(await begin());
    const flowB = await authorize(await begin());
    const error = await engine.manager
      .complete({ platform: 'google', code: flowA.get('code') ?? '', state: flowB.get('state') ?? '' })
      .catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('code_verifier provided does not match code_challenge');
  });
});
