import { describe, expect, it } from 'vitest';
import {
  basicClientAuth,
  bearerAuth,
  bodyClientAuth,
  createEmulator,
  fail,
  headerTokenAuth,
} from '../../src/testing/index';
import { emulatorsClosedAfterEach } from './emulator-lifecycle';

const listen = emulatorsClosedAfterEach();

describe('emulator auth checks', () => {
  it('lets a known bearer token in and tells the handler who it is', async () => {
    const tokens = new Set<string>();
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'GET',
      '/2/users/me',
      (req) => ({ json: { token: req.auth?.token, scheme: req.auth?.scheme } }),
      { auth: bearerAuth({ accept: tokens }) },
    );
    const { url } = await listen(emulator);
    tokens.add('issued-later');
    const response = await fetch(`${url}/2/users/me`, { headers: { authorization: 'bearer issued-later' } });
    expect(await response.json()).toEqual({ token: 'issued-later', scheme: 'bearer' });
  });

  it('answers a missing or unknown bearer token with X 401 problem+json', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'GET',
      '/2/users/me',
      () => ({ json: {} }),
      {
        auth: bearerAuth({ accept: ['good'] }),
      },
    );
    const { url } = await listen(emulator);
    for (const headers of [{}, { authorization: 'Bearer bad' }] as Array<Record<string, string>>) {
      const response = await fetch(`${url}/2/users/me`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toEqual({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    }
    expect(emulator.requests.map((r) => r.failure?.note)).toEqual([
      'An access token is required to request this resource.',
      'The access token is invalid or expired.',
    ]);
  });

  it('accepts a Graph API token in the access_token query parameter and rejects a bad one with code 190', async () => {
    const emulator = createEmulator({ platform: 'meta', envelope: 'meta' }).route(
      'GET',
      '/v25.0/me',
      (req) => ({ json: { id: '1', via: req.auth?.scheme } }),
      { auth: bearerAuth({ accept: (token) => token.startsWith('EAA'), queryParameter: 'access_token' }) },
    );
    const { url } = await listen(emulator);
    expect(await (await fetch(`${url}/v25.0/me?access_token=EAAgood`)).json()).toEqual({
      id: '1',
      via: 'query',
    });
    const rejected = await fetch(`${url}/v25.0/me?access_token=nope`);
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get('www-authenticate')).toContain('invalid_token');
    const body = await rejected.json();
    expect(body.error).toMatchObject({ type: 'OAuthException', code: 190 });
    expect(body.error.fbtrace_id).toBe(rejected.headers.get('x-fb-trace-id'));
  });

  it('checks TikTok Marketing Access-Token headers and answers HTTP 200 with code 40105', async () => {
    const emulator = createEmulator({ platform: 'tiktok', envelope: 'tiktokMarketing' }).route(
      'GET',
      '/open_api/v1.3/advertiser/info/',
      (req) => ({ json: { code: 0, message: 'OK', request_id: req.id, data: { token: req.auth?.token } } }),
      { auth: headerTokenAuth({ header: 'Access-Token', accept: ['adv-token'] }) },
    );
    const { url } = await listen(emulator);
    const ok = await fetch(`${url}/open_api/v1.3/advertiser/info/`, {
      headers: { 'Access-Token': 'adv-token' },
    });
    expect(await ok.json()).toMatchObject({ code: 0, data: { token: 'adv-token' } });
    const bearer = await fetch(`${url}/open_api/v1.3/advertiser/info/`, {
      headers: { authorization: 'Bearer adv-token' },
    });
    expect(bearer.status).toBe(200);
    const body = await bearer.json();
    expect(body).toMatchObject({ code: 40105, data: {} });
    expect(typeof body.request_id).toBe('string');
  });

  it('answers TikTok v2 bad tokens with 401 access_token_invalid and a log id', async () => {
    const emulator = createEmulator({ platform: 'tiktok', envelope: 'tiktok' }).route(
      'POST',
      '/v2/post/publish/status/fetch/',
      () => ({ json: {} }),
      { auth: bearerAuth({ accept: [] }) },
    );
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/v2/post/publish/status/fetch/`, {
      method: 'POST',
      headers: { authorization: 'Bearer x' },
    });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toMatchObject({ data: {}, error: { code: 'access_token_invalid' } });
    expect(body.error.log_id).toBe(response.headers.get('x-tt-logid'));
  });

  it('authenticates OAuth clients with HTTP Basic and answers bad ones with invalid_client', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'POST',
      '/2/oauth2/token',
      (req) => ({ json: { client: req.auth?.clientId } }),
      { auth: basicClientAuth({ clients: { 'client 1': 's3cr:et' } }), envelope: 'oauth' },
    );
    const { url } = await listen(emulator);
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
    const ok = await fetch(`${url}/2/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic('client 1', 's3cr:et') },
    });
    expect(await ok.json()).toEqual({ client: 'client 1' });
    const bad = await fetch(`${url}/2/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic('client 1', 'wrong') },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(await bad.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed.',
    });
  });

  it('accepts client credentials in the body under platform field names', async () => {
    const emulator = createEmulator({ platform: 'tiktok', envelope: 'oauth' }).route(
      'POST',
      '/v2/oauth/token/',
      (req) => ({ json: { client: req.auth?.clientId } }),
      {
        auth: bodyClientAuth({
          clients: (id, secret) => id === 'ck' && secret === 'cs',
          idField: 'client_key',
        }),
      },
    );
    const { url } = await listen(emulator);
    const ok = await fetch(`${url}/v2/oauth/token/`, {
      method: 'POST',
      body: new URLSearchParams({ client_key: 'ck', client_secret: 'cs' }),
    });
    expect(await ok.json()).toEqual({ client: 'ck' });
    const missing = await fetch(`${url}/v2/oauth/token/`, {
      method: 'POST',
      body: new URLSearchParams({ client_key: 'ck' }),
    });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toBe('invalid_client');
  });

  it('lets a request in when any of several checks passes', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'POST',
      '/2/oauth2/revoke',
      (req) => ({ json: { via: req.auth?.scheme } }),
      {
        auth: [basicClientAuth({ clients: { c: 's' } }), bodyClientAuth({ clients: { c: 's' } })],
        envelope: 'oauth',
      },
    );
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/2/oauth2/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'c', client_secret: 's', token: 't' }),
    });
    expect(await response.json()).toEqual({ via: 'body' });
  });

  it('renders handler failures with explicit OAuth codes such as invalid_grant', async () => {
    const emulator = createEmulator({ platform: 'oauth', envelope: 'oauth' }).route('POST', '/token', () =>
      fail('invalidRequest', { code: 'invalid_grant', message: 'The authorization code has expired.' }),
    );
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/token`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code has expired.',
    });
  });
});
