import { afterEach, describe, expect, it } from 'vitest';
import type { OAuthSpec } from '../../src/contracts/oauth-spec';
import { OAuthGrantError } from '../../src/oauth/index';
import { beginFlow, completeFlow, connect, createEngine } from './support/engine-fixture';
import { consent, type OAuthAuthority, startAuthority } from './support/oauth-authority';
import {
  googleCase,
  metaCase,
  type PlatformCase,
  pinterestCase,
  tiktokAdsCase,
  tiktokCase,
  xCase,
} from './support/platform-specs';

const authorities: OAuthAuthority[] = [];

afterEach(async () => {
  await Promise.all(authorities.splice(0).map((authority) => authority.close()));
});

async function setUp(platformCase: PlatformCase, override: (spec: OAuthSpec) => OAuthSpec = (spec) => spec) {
  const authority = await startAuthority(platformCase.rules);
  authorities.push(authority);
  const spec = override(platformCase.spec(authority.url));
  const engine = createEngine([{ id: platformCase.platformId, oauth: spec }]);
  return { authority, engine, spec };
}

describe('X as OAuthSpec data: PKCE S256, HTTP Basic client auth, offline.access for a refresh token', () => {
  it('connects, then refreshes with Basic auth once the 2-hour token is due', async () => {
    const { authority, engine } = await setUp(xCase);
    const url = await beginFlow(engine.manager, 'x');
    const authorize = new URL(url);
    expect(authorize.pathname).toBe('/i/oauth2/authorize');
    expect(authorize.searchParams.get('scope')).toBe(
      'tweet.read tweet.write users.read offline.access media.write',
    );
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.has('code_verifier')).toBe(false);

    const callback = await consent(url);
    const connection = await completeFlow(engine.manager, 'x', callback);
    expect(connection.status).toBe('connected');
    expect(connection.missingScopes).toEqual([]);

    const first = await engine.manager.getAccessToken(connection.id);
    engine.clock.advance(2 * 3_600_000);
    const refreshed = await engine.manager.getAccessToken(connection.id);
    expect(refreshed).not.toBe(first);
    expect(authority.counts.refresh).toBe(1);
  });

  it('gets no refresh token without offline.access, and reports the connection expired when the token lapses', async () => {
    const { authority, engine } = await setUp(xCase);
    const connection = await connect(engine.manager, 'x', { scopes: ['tweet.read', 'users.read'] });
    engine.clock.advance(2 * 3_600_000);
    const error = await engine.manager.getAccessToken(connection.id).catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error) && error.oauthError).toBe('no_refresh_token');
    expect((await engine.manager.get(connection.id))?.status).toBe('expired');
    expect(authority.counts.refresh).toBe(0);
  });

  it('is refused by the token endpoint when the spec sends body credentials where Basic is required', async () => {
    const { engine } = await setUp(xCase, (spec) => ({ ...spec, clientAuth: 'body' }));
    const error = await connect(engine.manager, 'x').catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error)).toBe(true);
    expect((error as OAuthGrantError).oauthError).toBe('invalid_client');
    expect((error as OAuthGrantError).kind).toBe('misconfigured');
    expect((error as OAuthGrantError).needsReconnect).toBe(false);
  });

  it('is refused when a code is redeemed with another flow verifier (wrong PKCE verifier)', async () => {
    const { engine } = await setUp(xCase);
    const begin = () => beginFlow(engine.manager, 'x');
    const flowA = await consent(await begin());
    const flowB = await consent(await begin());
    const error = await engine.manager
      .complete({ platform: 'x', code: flowA.get('code') ?? '', state: flowB.get('state') ?? '' })
      .catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error)).toBe(true);
    expect((error as OAuthGrantError).oauthError).toBe('invalid_grant');
  });

  it('revokes the refresh token at the platform with Basic auth, then forgets the connection', async () => {
    const { authority, engine } = await setUp(xCase);
    const connection = await connect(engine.manager, 'x');
    const revoked = engine.events.next('connection.revoked');
    await engine.manager.revoke(connection.id);
    expect(authority.counts.revoke).toBe(1);
    expect(authority.revoked[0]).toMatch(/^rt-x-/);
    expect((await revoked).connectionId).toBe(connection.id);
    expect(await engine.manager.get(connection.id)).toBeUndefined();
    expect(await engine.vault.read(connection.id)).toBeUndefined();
  });
});

describe('TikTok as OAuthSpec data: client_key, comma-separated scopes, body client auth', () => {
  it('connects and refreshes with client_key and client_secret in the body', async () => {
    const { authority, engine } = await setUp(tiktokCase);
    const url = await beginFlow(engine.manager, 'tiktok');
    expect(new URL(url).searchParams.get('client_key')).toBe('tiktok-client-key');
    expect(new URL(url).searchParams.get('scope')).toBe('user.info.basic,video.upload,video.publish');
    const callback = await consent(url);
    const connection = await completeFlow(engine.manager, 'tiktok', callback);
    expect(connection.scopes).toEqual(['user.info.basic', 'video.upload', 'video.publish']);
    engine.clock.advance(24 * 3_600_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(1);
  });

  it('is refused by the token endpoint when the spec sends client_id instead of client_key', async () => {
    const { authority, engine } = await setUp(tiktokCase);
    const wrong = createEngine(
      [{ id: 'tiktok', oauth: { ...tiktokCase.spec(authority.url), clientIdParam: 'client_id' } }],
      { store: engine.store, key: engine.key },
    );
    const url = await beginFlow(engine.manager, 'tiktok');
    const callback = await consent(url);
    const error = await completeFlow(wrong.manager, 'tiktok', callback).catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error)).toBe(true);
    expect((error as OAuthGrantError).oauthError).toBe('invalid_request');
    expect((error as Error).message).toContain('Missing client_key');
  });
});

describe('TikTok Ads as OAuthSpec data: app_id, auth_code, JSON body with secret, wrapped response', () => {
  it('connects with a JSON token request, unwraps the envelope and discovers the advertisers', async () => {
    const { authority, engine } = await setUp(tiktokAdsCase);
    const url = await beginFlow(engine.manager, 'tiktok');
    const authorize = new URL(url);
    expect(authorize.searchParams.get('app_id')).toBe('tiktok-app-id');
    expect(authorize.searchParams.has('response_type')).toBe(false);
    expect(authorize.searchParams.has('code_challenge')).toBe(false);
    const callback = await consent(url);
    const connection = await completeFlow(engine.manager, 'tiktok', callback, { codeParam: 'auth_code' });
    expect(connection.accounts.map((account) => [account.id, account.kind])).toEqual([
      ['7001', 'advertiser'],
      ['7002', 'advertiser'],
    ]);
    expect(connection.expiresAt).toBeUndefined();
    expect(authority.issued).toContain(await engine.manager.getAccessToken(connection.id));
  });

  it('reads a refusal sent as HTTP 200 with a non-zero code as a typed error', async () => {
    const { engine } = await setUp(tiktokAdsCase);
    const url = await beginFlow(engine.manager, 'tiktok');
    const callback = await consent(url);
    const error = await engine.manager
      .complete({ platform: 'tiktok', code: 'not-a-real-auth-code', state: callback.get('state') ?? '' })
      .catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error) && error.oauthError).toBe('invalid_grant');
  });
});

describe('Google as OAuthSpec data: access_type=offline and prompt=consent', () => {
  it('asks for offline access with forced consent, connects and refreshes with body credentials', async () => {
    const { authority, engine } = await setUp(googleCase);
    const connection = await connect(engine.manager, 'google');
    expect(connection.scopes).toContain('https://www.googleapis.com/auth/adwords');
    engine.clock.advance(3_600_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(1);
    await engine.manager.revoke(connection.id);
    expect(authority.counts.revoke).toBe(1);
  });

  it('is refused at consent when the spec forgets access_type=offline', async () => {
    const { engine } = await setUp(googleCase, (spec) => ({ ...spec, authorizeParams: {} }));
    const url = await beginFlow(engine.manager, 'google');
    await expect(consent(url)).rejects.toThrow(/access_type must be offline/);
  });
});

describe('Pinterest as OAuthSpec data: Basic auth and continuous refresh', () => {
  it('connects with Basic auth and refreshes with continuous_refresh=true a day before expiry', async () => {
    const { authority, engine } = await setUp(pinterestCase);
    const connection = await connect(engine.manager, 'pinterest');
    engine.clock.advance(29 * 86_400_000 + 3_600_000);
    await engine.manager.getAccessToken(connection.id);
    expect(authority.counts.refresh).toBe(1);
  });

  it('is refused when the refresh leaves out continuous_refresh', async () => {
    const { engine } = await setUp(pinterestCase, (spec) => ({ ...spec, refreshParams: {} }));
    const connection = await connect(engine.manager, 'pinterest');
    engine.clock.advance(30 * 86_400_000);
    const error = await engine.manager.getAccessToken(connection.id).catch((caught: unknown) => caught);
    expect(OAuthGrantError.isInstance(error) && error.oauthError).toBe('invalid_request');
    expect((await engine.manager.get(connection.id))?.status).toBe('error');
  });
});

describe('Meta as OAuthSpec data: no refresh token, long-lived exchange, Page tokens from discovery', () => {
  it('swaps the short-lived token for a 60-day one and keeps Page tokens in the vault only', async () => {
    const { authority, engine } = await setUp(metaCase);
    authority.emulator.route('GET', '/v25.0/me/accounts', (request) => {
      const token = request.headers.authorization?.replace(/^Bearer /, '');
      if (token === undefined || !authority.issued.includes(token))
        return { status: 401, json: { error: {} } };
      return {
        json: { data: [{ id: 'page-1', name: 'Shop Page', access_token: 'EAAPageToken1234567890' }] },
      };
    });
    const connection = await connect(engine.manager, 'meta');
    expect(authority.counts.code).toBe(1);
    expect(authority.counts.longLived).toBe(1);
    expect(connection.accounts).toEqual([{ id: 'page-1', kind: 'page', name: 'Shop Page' }]);
    const days = (Date.parse(connection.expiresAt ?? '') - engine.clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(59);
    expect(await engine.manager.getAccessToken(connection.id, { accountId: 'page-1' })).toBe(
      'EAAPageToken1234567890',
    );
    expect(JSON.stringify(connection)).not.toContain('EAAPageToken');
  });

  it('re-exchanges the long-lived token a week before it lapses, since there is no refresh token', async () => {
    const { authority, engine } = await setUp(metaCase, (spec) => ({
      ...spec,
      hooks: { ...spec.hooks, discoverAccounts: undefined },
    }));
    const connection = await connect(engine.manager, 'meta');
    const before = await engine.manager.getAccessToken(connection.id);
    engine.clock.advance(54 * 86_400_000);
    const after = await engine.manager.getAccessToken(connection.id);
    expect(after).not.toBe(before);
    expect(authority.counts.longLived).toBe(2);
    expect(authority.counts.refresh).toBe(0);
  });
});
