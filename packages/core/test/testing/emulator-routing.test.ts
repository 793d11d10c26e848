import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FormRecord, UploadedFile } from '../../src/testing/index';
import {
  bearerAuth,
  createEmulator,
  EmulatorProblem,
  json,
  queryList,
  redirectFetch,
} from '../../src/testing/index';
import { emulatorsClosedAfterEach } from './emulator-lifecycle';

const listen = emulatorsClosedAfterEach();

describe('emulator routing', () => {
  it('listens on 127.0.0.1 on a free port and stops on close', async () => {
    const emulator = createEmulator({ platform: 'acme', envelope: 'x' });
    const { url } = await listen(emulator);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(url);
    await emulator.close();
    await expect(fetch(`${url}/anything`)).rejects.toThrow();
    expect(() => emulator.url).toThrow(/not listening/);
  });

  it('routes by method and passes decoded path parameters', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' })
      .route('GET', '/2/tweets/:id', (req) => ({ json: { data: { id: req.params.id, via: 'get' } } }))
      .route('DELETE', '/2/tweets/:id', (req) => ({ json: { data: { deleted: req.params.id } } }))
      .route('GET', '/act_:accountId/campaigns', (req) => ({ json: { account: req.params.accountId } }))
      .route('GET', '/files/*', (req) => ({ json: { rest: req.params['*'] } }));
    const { url } = await listen(emulator);

    expect(await (await fetch(`${url}/2/tweets/123`)).json()).toEqual({ data: { id: '123', via: 'get' } });
    expect(await (await fetch(`${url}/2/tweets/a%20b`, { method: 'DELETE' })).json()).toEqual({
      data: { deleted: 'a b' },
    });
    expect(await (await fetch(`${url}/act_987/campaigns`)).json()).toEqual({ account: '987' });
    expect(await (await fetch(`${url}/files/a/b/c.txt`)).json()).toEqual({ rest: 'a/b/c.txt' });
  });

  it('prefers a static route over a parameterised one registered earlier', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' })
      .route('GET', '/2/users/:id', () => ({ json: { matched: 'param' } }))
      .route('GET', '/2/users/me', () => ({ json: { matched: 'static' } }));
    const { url } = await listen(emulator);
    expect(await (await fetch(`${url}/2/users/me`)).json()).toEqual({ matched: 'static' });
    expect(await (await fetch(`${url}/2/users/42`)).json()).toEqual({ matched: 'param' });
  });

  it('answers an unknown route with a 404 in the platform envelope as JSON, never HTML', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route('GET', '/2/tweets', () => ({
      json: {},
    }));
    const { url } = await listen(emulator);
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/2/tweets'],
    ] as const) {
      const response = await fetch(`${url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/json/);
      const body = await response.json();
      expect(body).toMatchObject({ type: 'https://api.x.com/2/problems/resource-not-found', status: 404 });
    }
    expect(emulator.requests.map((r) => r.failure?.kind)).toEqual(['notFound', 'notFound']);
  });

  it('answers an unknown Graph API path the way Graph does: HTTP 400, code 2500, JSON', async () => {
    const emulator = createEmulator({ platform: 'meta', envelope: 'meta' });
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/v25.0/me/nonsense`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 2500, type: 'OAuthException' });
  });

  it('answers an EmulatorProblem thrown by a handler in the envelope, and json() replies as given', async () => {
    const emulator = createEmulator({ platform: 'pinterest', envelope: 'pinterest' }).route(
      'GET',
      '/v5/pins/:id',
      (req) => {
        if (req.params.id !== '1')
          throw new EmulatorProblem({ kind: 'notFound', code: 50, message: 'Pin not found.' });
        return json({ id: '1' }, 200, { 'x-extra': 'yes' });
      },
    );
    const { url } = await listen(emulator);
    const missing = await fetch(`${url}/v5/pins/2`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 50, message: 'Pin not found.' });
    const found = await fetch(`${url}/v5/pins/1`);
    expect(found.headers.get('x-extra')).toBe('yes');
    expect(await found.json()).toEqual({ id: '1' });
  });

  it('redirectFetch sends a platform host to the emulator, keeping path, query and body', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route('POST', '/2/tweets', (req) => ({
      json: { path: req.path, q: req.query.q, body: req.body },
    }));
    const { url } = await listen(emulator);
    const viaEmulator = redirectFetch({ to: url, hosts: ['api.x.com'] });
    const response = await viaEmulator('https://api.x.com/2/tweets?q=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(await response.json()).toEqual({ path: '/2/tweets', q: '1', body: { text: 'hi' } });
    await expect(viaEmulator(`${url}/2/tweets`, { method: 'POST' })).resolves.toHaveProperty('status', 200);
  });

  it('decodes a JSON body and validates it with the route schema', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'POST',
      '/2/tweets',
      (req) => ({ status: 201, json: { data: { id: '1', text: req.body.text.toUpperCase() } } }),
      { body: z.object({ text: z.string() }) },
    );
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: { id: '1', text: 'HELLO' } });
  });

  it('answers malformed JSON as an invalid request in the envelope', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route('POST', '/2/tweets', () => ({
      json: {},
    }));
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request' });
  });

  it('decodes an urlencoded body with repeated fields as arrays', async () => {
    let seen: unknown;
    const emulator = createEmulator({ platform: 'oauth', envelope: 'oauth' }).route(
      'POST',
      '/token',
      (req) => {
        seen = req.body;
        return { json: { ok: true } };
      },
    );
    const { url } = await listen(emulator);
    await fetch(`${url}/token`, {
      method: 'POST',
      body: new URLSearchParams([
        ['grant_type', 'authorization_code'],
        ['scope', 'a'],
        ['scope', 'b'],
      ]),
    });
    expect(seen).toEqual({ grant_type: 'authorization_code', scope: ['a', 'b'] });
  });

  it('decodes a multipart body into text fields and files', async () => {
    let seen: FormRecord | undefined;
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'POST',
      '/2/media/upload',
      (req) => {
        seen = req.body as FormRecord;
        return { json: { data: { id: 'm1' } } };
      },
    );
    const { url } = await listen(emulator);
    const form = new FormData();
    form.append('media_category', 'tweet_image');
    form.append('media', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }), 'pic.png');
    form.append('tag', 'one');
    form.append('tag', 'two');
    const response = await fetch(`${url}/2/media/upload`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(seen?.media_category).toBe('tweet_image');
    expect(seen?.tag).toEqual(['one', 'two']);
    const media = seen?.media as UploadedFile;
    expect(media).toMatchObject({ field: 'media', filename: 'pic.png', contentType: 'image/png', size: 4 });
    expect([...media.data]).toEqual([0, 1, 2, 255]);
  });

  it('answers a multipart body without its closing delimiter as an invalid request', async () => {
    const emulator = createEmulator({ platform: 'pinterest', envelope: 'pinterest' }).route(
      'POST',
      '/up',
      () => ({
        json: {},
      }),
    );
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/up`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
      body: '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 1 });
  });

  it('keeps the raw body bytes for signature checks', async () => {
    let raw = '';
    const emulator = createEmulator({ platform: 'meta', envelope: 'meta' }).route(
      'POST',
      '/webhook',
      (req) => {
        raw = req.rawBody.toString('utf8');
        return { status: 204 };
      },
    );
    const { url } = await listen(emulator);
    const payload = '{ "b": 1,   "a": 2 }';
    const response = await fetch(`${url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    expect(response.status).toBe(204);
    expect(raw).toBe(payload);
  });

  it('accepts repeated and comma-separated query parameters through queryList', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'GET',
      '/2/tweets',
      (req) => ({ json: { ids: req.query.ids, fields: req.query['tweet.fields'] } }),
      { query: z.object({ ids: queryList(), 'tweet.fields': z.string().optional() }) },
    );
    const { url } = await listen(emulator);
    const repeated = await (await fetch(`${url}/2/tweets?ids=1&ids=2&tweet.fields=public_metrics`)).json();
    const commas = await (await fetch(`${url}/2/tweets?ids=1,2`)).json();
    expect(repeated).toEqual({ ids: ['1', '2'], fields: 'public_metrics' });
    expect(commas).toEqual({ ids: ['1', '2'] });
  });

  it('answers a handler crash as a JSON server error in the envelope', async () => {
    const emulator = createEmulator({ platform: 'google', envelope: 'google' }).route('GET', '/boom', () => {
      throw new Error('bug in the emulator');
    });
    const { url } = await listen(emulator);
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 500, status: 'INTERNAL' } });
    expect(emulator.requests[0]?.failure?.note).toContain('bug in the emulator');
  });
});

describe('emulator request log', () => {
  it('records method, path, route, params, query, headers, body and time', async () => {
    const clock = Date.parse('2026-11-26T10:00:00Z');
    const emulator = createEmulator({ platform: 'x', envelope: 'x', now: () => clock }).route(
      'POST',
      '/2/tweets/:id/replies',
      () => ({ status: 201, json: { data: {} } }),
      { auth: bearerAuth({ accept: ['tok-1'] }) },
    );
    const { url } = await listen(emulator);
    await fetch(`${url}/2/tweets/9/replies?x=1&x=2`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-1', 'content-type': 'application/json', 'x-custom': 'yes' },
      body: JSON.stringify({ text: 'hi' }),
    });
    const [entry] = emulator.requests;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/2/tweets/9/replies',
      route: '/2/tweets/:id/replies',
      params: { id: '9' },
      query: { x: ['1', '2'] },
      body: { text: 'hi' },
      status: 201,
    });
    expect(entry?.headers.authorization).toBe('Bearer tok-1');
    expect(entry?.headers['x-custom']).toBe('yes');
    expect(entry?.time.toISOString()).toBe('2026-11-26T10:00:00.000Z');
  });

  it('redacts credentials in the printable form but keeps them for assertions', async () => {
    const emulator = createEmulator({ platform: 'oauth', envelope: 'oauth' }).route('POST', '/token', () => ({
      json: {},
    }));
    const { url } = await listen(emulator);
    await fetch(`${url}/token?access_token=query-secret`, {
      method: 'POST',
      headers: { authorization: 'Basic c2VjcmV0LWNsaWVudA==', 'access-token': 'tt-secret' },
      body: new URLSearchParams({
        client_secret: 'body-secret',
        refresh_token: 'rt-secret',
        grant_type: 'refresh_token',
      }),
    });
    const [entry] = emulator.requests;
    const printed = `${JSON.stringify(emulator.requests)}\n${inspect(entry)}`;
    for (const secret of ['c2VjcmV0LWNsaWVudA==', 'tt-secret', 'query-secret', 'body-secret', 'rt-secret']) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain('[redacted]');
    expect(printed).toContain('refresh_token');
    expect(entry?.headers.authorization).toBe('Basic c2VjcmV0LWNsaWVudA==');
    expect(entry?.body).toMatchObject({ client_secret: 'body-secret' });
  });

  it('forgets requests, faults and rate counts on reset', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route('GET', '/a', () => ({
      json: {},
    }));
    const { url } = await listen(emulator);
    emulator.faults.enqueue({ kind: 'serverError', times: 3 });
    await fetch(`${url}/a`);
    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
    expect(emulator.faults.pending()).toBe(0);
    expect((await fetch(`${url}/a`)).status).toBe(200);
  });
});
