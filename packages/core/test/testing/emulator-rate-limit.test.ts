import { describe, expect, it } from 'vitest';
import { bearerAuth, createEmulator } from '../../src/testing/index';
import { emulatorsClosedAfterEach } from './emulator-lifecycle';

const listen = emulatorsClosedAfterEach();

describe('emulator rate limits', () => {
  it('answers the request after the limit with X 429 and x-rate-limit headers, counted per token and route', async () => {
    let clock = Date.parse('2026-11-26T12:00:00Z');
    const emulator = createEmulator({ platform: 'x', envelope: 'x', now: () => clock })
      .route('POST', '/2/tweets', () => ({ status: 201, json: { data: { id: '1' } } }), {
        auth: bearerAuth({ accept: ['alice', 'bob'] }),
        rateLimit: { limit: 3, windowMs: 15 * 60_000 },
      })
      .route('GET', '/2/tweets', () => ({ json: { data: [] } }), {
        auth: bearerAuth({ accept: ['alice', 'bob'] }),
      });
    const running = await listen(emulator);
    const post = (token: string) =>
      fetch(`${running.url}/2/tweets`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

    const remaining: Array<string | null> = [];
    for (let call = 0; call < 3; call += 1) {
      const response = await post('alice');
      expect(response.status).toBe(201);
      remaining.push(response.headers.get('x-rate-limit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await post('alice');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('3');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.headers.get('x-rate-limit-reset')).toBe(String(Math.ceil((clock + 15 * 60_000) / 1000)));
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });

    expect((await post('bob')).status).toBe(201);
    const otherRoute = await fetch(`${running.url}/2/tweets`, { headers: { authorization: 'Bearer alice' } });
    expect(otherRoute.status).toBe(200);
    expect(otherRoute.headers.get('x-rate-limit-limit')).toBeNull();

    clock += 15 * 60_000;
    expect((await post('alice')).status).toBe(201);
  });

  it('applies emulator-wide rules added at runtime and forgets them on clear', async () => {
    const emulator = createEmulator({ platform: 'pinterest', envelope: 'pinterest' }).route(
      'GET',
      '/v5/pins/:id',
      (req) => ({
        json: { id: req.params.id },
      }),
    );
    const running = await listen(emulator);
    emulator.rateLimits.add({ limit: 1, windowMs: 60_000, match: { method: 'GET', path: '/v5/pins/:id' } });
    expect((await fetch(`${running.url}/v5/pins/1`)).status).toBe(200);
    const limited = await fetch(`${running.url}/v5/pins/2`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ code: 8 });
    emulator.rateLimits.clear();
    expect((await fetch(`${running.url}/v5/pins/3`)).status).toBe(200);
  });

  it('reports Meta usage percentages on answers under the limit', async () => {
    const emulator = createEmulator({ platform: 'meta', envelope: 'meta' }).route(
      'GET',
      '/v25.0/me',
      () => ({
        json: { id: '1' },
      }),
      { rateLimit: { limit: 4, windowMs: 3_600_000 } },
    );
    const running = await listen(emulator);
    await fetch(`${running.url}/v25.0/me`);
    const second = await fetch(`${running.url}/v25.0/me`);
    expect(JSON.parse(second.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: 50 });
  });

  it('rejects rules that cannot work', () => {
    const emulator = createEmulator({ platform: 'x', envelope: 'x' });
    expect(() => emulator.rateLimits.add({ limit: 0, windowMs: 1000 })).toThrow(/limit/);
    expect(() =>
      emulator.route('GET', '/a', () => ({ json: {} }), { rateLimit: { limit: 1, windowMs: -1 } }),
    ).toThrow(/windowMs/);
  });
});
