import { describe, expect, it } from 'vitest';
import { PlatformApiError, RateLimitError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { createRateLimiter } from '../../src/rate-limit/index';
import { recordingServersClosedAfterEach, rejectionOf } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

describe('http kernel retries', () => {
  it('retries a 429 with Retry-After: 2 once, at least 2 s later, then succeeds', async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '2' });
      else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    const response = await http.request<{ ok: boolean }>({ url: '/things' });

    expect(response.data).toEqual({ ok: true });
    expect(response.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(2_000);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2_000);
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 503, {}, { 'retry-after': retryAt.toUTCString() });
      else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    await http.request({ url: 'things' });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(retryAt.getTime());
  });

  it('honours an x-rate-limit-reset epoch on a 429', async () => {
    const resetEpochSeconds = Math.ceil(Date.now() / 1000) + 1;
    const server = await startServer((_req, index, res) => {
      if (index === 0) {
        sendJson(
          res,
          429,
          { title: 'Too Many Requests' },
          {
            'x-rate-limit-limit': '50',
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(resetEpochSeconds),
          },
        );
      } else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'x', baseUrl: server.url });

    const response = await http.request({ url: '2/tweets/1' });

    expect(response.attempts).toBe(2);
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(resetEpochSeconds * 1000);
  });

  it("honours Google's retryDelay in error.details", async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) {
        sendJson(res, 429, {
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }],
          },
        });
      } else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'google', baseUrl: server.url });

    await http.request({ url: 'v1/customers' });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(1_500);
  });

  it('does not retry a 400', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 400, { error: 'bad field' }));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 1 } });

    const error = await rejectionOf(http.request({ url: 'things' }));

    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('counts attempts once per layer: an always-503 server sees exactly maxAttempts + 1 requests', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 503, { error: 'down' }));
    const rateLimiter = createRateLimiter({
      rules: [{ platform: 'test', bucket: 'api', limit: 100, intervalMs: 1_000 }],
    });
    const http = createHttpClient({
      platform: 'test',
      baseUrl: server.url,
      rateLimiter,
      retry: { maxAttempts: 2, baseDelayMs: 5 },
    });

    const error = await rejectionOf(
      http.request({ url: 'things', rateLimit: { platform: 'test', accountId: 'a1', bucket: 'api' } }),
    );

    expect(server.requests).toHaveLength(3);
    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, attempts: 3 });
  });

  it('uses 3 retries by default (4 requests in total)', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 500, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    const error = await rejectionOf(http.request({ url: 'things' }));

    expect(server.requests).toHaveLength(4);
    expect(error).toMatchObject({ attempts: 4 });
  });

  it('fails at once with a RateLimitError carrying resetAt when the wait exceeds the total wait budget', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 429, {}, { 'retry-after': '30' }));
    const http = createHttpClient({
      platform: 'test',
      baseUrl: server.url,
      retry: { maxTotalWaitMs: 5_000 },
    });
    const startedAt = Date.now();

    const error = await rejectionOf(http.request({ url: 'things' }));

    expect(RateLimitError.isInstance(error)).toBe(true);
    const resetAt = (error as RateLimitError).resetAt!.getTime();
    expect(resetAt).toBeGreaterThanOrEqual(startedAt + 29_000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
    expect((error as RateLimitError).attempts).toBe(1);
  });

  it('an AbortSignal stops a pending retry at once', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 503, {}, { 'retry-after': '10' }));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 300);
    const startedAt = Date.now();

    const error = await rejectionOf(http.request({ url: 'things', signal: controller.signal }));

    expect(error).toBe(reason);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toHaveLength(1);
  });

  it('an AbortSignal cancels an attempt in flight', async () => {
    const server = await startServer(() => {
      // never answers
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejectionOf(http.request({ url: 'things', signal: controller.signal }));

    expect(error).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a timed-out GET and succeeds', async () => {
    const server = await startServer((_req, index, res) => {
      if (index > 0) sendJson(res, 200, { ok: true });
      // the first request is left hanging
    });
    const http = createHttpClient({
      platform: 'test',
      baseUrl: server.url,
      timeoutMs: 200,
      retry: { baseDelayMs: 5 },
    });

    const response = await http.request({ url: 'things' });

    expect(response.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});
