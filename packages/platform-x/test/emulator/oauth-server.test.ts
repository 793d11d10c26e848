import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clickConsent, type XEmulator } from '../../src/testing/index';
import { xEmulatorsClosedAfterEach } from './emulator-lifecycle';

const REDIRECT = 'http://127.0.0.1:3000/callback/x';
const VERIFIER = 'verifier-'.padEnd(64, 'v');
const BASIC = `Basic ${Buffer.from('growthhub-x-client:growthhub-x-secret').toString('base64')}`;

const start = xEmulatorsClosedAfterEach();

function authorizeUrl(running: XEmulator, overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: 'growthhub-x-client',
    redirect_uri: REDIRECT,
    scope: 'tweet.read users.read offline.access',
    state: 'state-1',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
    ...overrides,
  });
  return `${running.authorizeUrl}?${params}`;
}

function token(
  running: XEmulator,
  form: Record<string, string>,
  headers: Record<string, string> = { authorization: BASIC },
) {
  return fetch(`${running.url}/2/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(form) });
}

async function codeFor(running: XEmulator, overrides: Record<string, string> = {}): Promise<string> {
  const { code } = await clickConsent(authorizeUrl(running, overrides));
  return code ?? '';
}

describe('the emulated X authorization server', () => {
  it('redirects with error=access_denied and the state when the person cancels', async () => {
    const running = await start();
    const redirect = await clickConsent(authorizeUrl(running), { decision: 'deny' });
    expect(redirect).toEqual({
      location: `${REDIRECT}?state=state-1&error=access_denied`,
      state: 'state-1',
      error: 'access_denied',
    });
  });

  it('exchanges a code once, with the right verifier, for tokens with a refresh token under offline.access', async () => {
    const running = await start();
    const code = await codeFor(running);
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER };
    const first = await token(running, form);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const body = (await first.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 7200,
      scope: 'tweet.read users.read offline.access',
    });
    expect(body.refresh_token).toEqual(expect.any(String));
    const again = await token(running, form);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    });
  });

  it('refuses a wrong PKCE verifier and a wrong redirect_uri', async () => {
    const running = await start();
    const wrongVerifier = await token(running, {
      grant_type: 'authorization_code',
      code: await codeFor(running),
      redirect_uri: REDIRECT,
      code_verifier: 'x'.repeat(64),
    });
    expect(wrongVerifier.status).toBe(400);
    const wrongRedirect = await token(running, {
      grant_type: 'authorization_code',
      code: await codeFor(running),
      redirect_uri: 'http://127.0.0.1:3000/elsewhere',
      code_verifier: VERIFIER,
    });
    expect(wrongRedirect.status).toBe(400);
  });

  it('accepts plain PKCE, which X’s docs also allow', async () => {
    const running = await start();
    const code = await codeFor(running, { code_challenge: VERIFIER, code_challenge_method: 'plain' });
    const response = await token(running, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response.status).toBe(200);
  });

  it('expires codes after 30 seconds', async () => {
    let now = Date.now();
    const running = await start({ now: () => now });
    const code = await codeFor(running);
    now += 31_000;
    const response = await token(running, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response.status).toBe(400);
  });

  it('requires HTTP Basic from a confidential client and answers unauthorized_client otherwise', async () => {
    const running = await start();
    const form = {
      grant_type: 'authorization_code',
      code: await codeFor(running),
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    };
    const inBody = await token(
      running,
      { ...form, client_id: 'growthhub-x-client', client_secret: 'growthhub-x-secret' },
      {},
    );
    expect(inBody.status).toBe(401);
    expect(await inBody.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Missing valid authorization header',
    });
    const wrongSecret = await token(running, form, {
      authorization: `Basic ${Buffer.from('growthhub-x-client:nope').toString('base64')}`,
    });
    expect(wrongSecret.status).toBe(401);
  });

  it('answers a JSON token request as invalid, in the OAuth envelope', async () => {
    const running = await start();
    const response = await fetch(`${running.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { authorization: BASIC, 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('rotates refresh tokens: the old one stops working after a refresh', async () => {
    const running = await start();
    const issued = running.issueTokens();
    const refresh = (value: string) => token(running, { grant_type: 'refresh_token', refresh_token: value });
    const first = await refresh(issued.refresh_token ?? '');
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(issued.refresh_token);
    expect((await refresh(issued.refresh_token ?? '')).status).toBe(400);
    const me = await fetch(`${running.url}/2/users/me`, {
      headers: { authorization: `Bearer ${rotated.access_token}` },
    });
    expect(me.status).toBe(200);
  });

  it('issues no refresh token without offline.access', async () => {
    const running = await start();
    expect(running.issueTokens({ scopes: ['tweet.read', 'users.read'] }).refresh_token).toBeUndefined();
  });

  it('revokes a token so that the API answers 401 problem+json', async () => {
    const running = await start();
    const issued = running.issueTokens();
    const revoke = await fetch(`${running.url}/2/oauth2/revoke`, {
      method: 'POST',
      headers: { authorization: BASIC },
      body: new URLSearchParams({ token: issued.refresh_token ?? '', token_type_hint: 'refresh_token' }),
    });
    expect(await revoke.json()).toEqual({ revoked: true });
    const me = await fetch(`${running.url}/2/users/me`, {
      headers: { authorization: `Bearer ${issued.access_token}` },
    });
    expect(me.status).toBe(401);
    expect(me.headers.get('content-type')).toBe('application/problem+json');
    expect(await me.json()).toEqual({
      title: 'Unauthorized',
      detail: 'Unauthorized',
      type: 'about:blank',
      status: 401,
    });
  });

  it('answers a bad authorize request in JSON, never an HTML error page', async () => {
    const running = await start({
      clients: [{ clientId: 'growthhub-x-client', clientSecret: 's', redirectUris: [REDIRECT] }],
    });
    for (const url of [
      authorizeUrl(running, { redirect_uri: 'https://evil.example/cb' }),
      authorizeUrl(running, { scope: 'tweet.read nonsense.scope' }),
      authorizeUrl(running, { client_id: 'unknown' }),
      `${running.authorizeUrl}?response_type=code`,
    ]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/json/);
    }
  });

  it('lists every account on the consent page and authorises the one chosen', async () => {
    const running = await start({
      users: [{ username: 'shop_one' }, { id: '42', username: 'shop_two', name: 'Shop Two' }],
    });
    const { code } = await clickConsent(authorizeUrl(running), { userId: '42' });
    const tokens = (await (
      await token(running, {
        grant_type: 'authorization_code',
        code: code ?? '',
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      })
    ).json()) as { access_token: string };
    const me = await fetch(`${running.url}/2/users/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await me.json()).toEqual({ data: { id: '42', name: 'Shop Two', username: 'shop_two' } });
  });
});
