import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/testing/index';
import { bearerAuth, createEmulator } from '../../src/testing/index';
import { emulatorsClosedAfterEach } from './emulator-lifecycle';

const listen = emulatorsClosedAfterEach();

const CLOCK = Date.parse('2026-11-26T12:00:00Z');

async function startCounter(envelope: Parameters<typeof createEmulator>[0]['envelope']) {
  let created = 0;
  const emulator: Emulator = createEmulator({ platform: 'acme', envelope, now: () => CLOCK })
    .route('POST', '/posts', () => {
      created += 1;
      return { status: 201, json: { id: String(created) } };
    })
    .route('GET', '/posts/:id', (req) => ({ json: { id: req.params.id } }));
  const running = await listen(emulator);
  return { emulator, url: running.url, created: () => created };
}

describe('emulator scripted faults', () => {
  it('answers a scripted rate limit with X 429 and x-rate-limit headers (reset in epoch seconds)', async () => {
    const { emulator, url, created } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 30, limit: 100 });
    const limited = await fetch(`${url}/posts`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('100');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.headers.get('x-rate-limit-reset')).toBe(String(CLOCK / 1000 + 30));
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.json()).toMatchObject({ title: 'Too Many Requests', status: 429 });
    expect(created()).toBe(0);
    expect((await fetch(`${url}/posts`, { method: 'POST' })).status).toBe(201);
    expect(emulator.requests.map((r) => r.fault)).toEqual(['rateLimit', undefined]);
  });

  it('answers a scripted rate limit with Meta usage headers and code 4', async () => {
    const { emulator, url } = await startCounter('meta');
    emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 120 });
    const limited = await fetch(`${url}/posts`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.headers.get('x-app-usage') ?? '{}')).toEqual({
      call_count: 100,
      total_cputime: 100,
      total_time: 100,
    });
    const buc = JSON.parse(limited.headers.get('x-business-use-case-usage') ?? '{}');
    expect(buc['1'][0]).toMatchObject({ type: 'pages', call_count: 100, estimated_time_to_regain_access: 2 });
    expect((await limited.json()).error).toMatchObject({ code: 4, is_transient: true });
  });

  it('puts the retry delay of a Google 429 in the body', async () => {
    const { emulator, url } = await startCounter('google');
    emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 7 });
    const limited = await fetch(`${url}/posts`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
      },
    });
  });

  it('puts the Google Ads retry delay in quotaErrorDetails', async () => {
    const { emulator, url } = await startCounter('googleAds');
    emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 12 });
    const body = await (await fetch(`${url}/posts`, { method: 'POST' })).json();
    const [failure] = body.error.details;
    expect(failure['@type']).toBe('type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure');
    expect(failure.errors[0]).toMatchObject({
      errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
      details: { quotaErrorDetails: { retryDelay: '12s' } },
    });
  });

  it('sends Retry-After in seconds with Pinterest, TikTok v2 and OAuth 429s', async () => {
    for (const envelope of ['pinterest', 'tiktok', 'oauth'] as const) {
      const { emulator, url } = await startCounter(envelope);
      emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 9 });
      const limited = await fetch(`${url}/posts`, { method: 'POST' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('9');
      await emulator.close();
    }
  });

  it('answers a TikTok Marketing rate limit with HTTP 200 and code 40100', async () => {
    const { emulator, url } = await startCounter('tiktokMarketing');
    emulator.faults.enqueue({ kind: 'rateLimit' });
    const limited = await fetch(`${url}/posts`, { method: 'POST' });
    expect(limited.status).toBe(200);
    expect(await limited.json()).toMatchObject({ code: 40100, data: {} });
  });

  it('answers scripted server errors with the given status, only for matching requests, the given number of times', async () => {
    const { emulator, url } = await startCounter('pinterest');
    emulator.faults.enqueue({
      kind: 'serverError',
      status: 503,
      times: 2,
      match: { method: 'GET', path: '/posts/:id' },
    });
    expect((await fetch(`${url}/posts`, { method: 'POST' })).status).toBe(201);
    const first = await fetch(`${url}/posts/1`);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ code: 503, message: 'Service unavailable.' });
    expect((await fetch(`${url}/posts/2`)).status).toBe(503);
    expect((await fetch(`${url}/posts/3`)).status).toBe(200);
    expect(emulator.faults.pending()).toBe(0);
  });

  it('matches faults by concrete path and by RegExp', async () => {
    const { emulator, url } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'serverError', match: { path: '/posts/7' } });
    emulator.faults.enqueue({ kind: 'serverError', match: { path: /^\/posts\/8$/ } });
    expect((await fetch(`${url}/posts/6`)).status).toBe(200);
    expect((await fetch(`${url}/posts/8`)).status).toBe(500);
    expect((await fetch(`${url}/posts/7`)).status).toBe(500);
  });

  it('delays a slow answer by at least delayMs and then answers normally', async () => {
    const { emulator, url } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const response = await fetch(`${url}/posts/1`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(await response.json()).toEqual({ id: '1' });
  });

  it('lets a client time out on a slow answer', async () => {
    const { emulator, url } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'slow', delayMs: 2000 });
    await expect(fetch(`${url}/posts/1`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('drops the connection without an answer, before the platform acts', async () => {
    const { emulator, url, created } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'drop' });
    await expect(fetch(`${url}/posts`, { method: 'POST' })).rejects.toThrow(TypeError);
    expect(created()).toBe(0);
    expect(emulator.requests[0]).toMatchObject({ fault: 'drop', status: undefined });
  });

  it('drops the connection after the platform acted when afterHandler is set', async () => {
    const { emulator, url, created } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'drop', afterHandler: true });
    await expect(fetch(`${url}/posts`, { method: 'POST' })).rejects.toThrow(TypeError);
    expect(created()).toBe(1);
  });

  it('answers a malformed JSON body with a JSON content type', async () => {
    const { emulator, url } = await startCounter('x');
    emulator.faults.enqueue({ kind: 'malformed' });
    const response = await fetch(`${url}/posts/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('applies faults before auth so a bad token still sees them', async () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' }).route(
      'GET',
      '/me',
      () => ({ json: {} }),
      {
        auth: bearerAuth({ accept: ['t'] }),
      },
    );
    const running = await listen(emulator);
    emulator.faults.enqueue({ kind: 'serverError' });
    expect((await fetch(`${running.url}/me`)).status).toBe(500);
    expect((await fetch(`${running.url}/me`)).status).toBe(401);
  });

  it('rejects a fault with a non-positive times', () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' });
    expect(() => emulator.faults.enqueue({ kind: 'drop', times: 0 })).toThrow(/times/);
  });
});
