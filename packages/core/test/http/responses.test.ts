import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlatformApiError, RateLimitError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { createRateLimiter } from '../../src/rate-limit/index';
import { recordingServersClosedAfterEach, rejectionOf } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

describe('http kernel responses', () => {
  it('joins relative URLs to the base URL, appends search params and parses JSON', async () => {
    const server = await startServer((_req, _index, res) =>
      sendJson(res, 200, { id: '1' }, { 'x-request-id': 'req-9' }),
    );
    const http = createHttpClient({
      platform: 'test',
      baseUrl: `${server.url}/v2/`,
      headers: { 'user-agent': 'growthhub-test' },
    });

    const response = await http.request({
      url: '/tweets',
      searchParams: { ids: ['1', '2'], expand: undefined, n: 3 },
      headers: { 'x-extra': 'yes', 'x-skipped': undefined },
    });

    expect(server.requests[0]!.url).toBe('/v2/tweets?ids=1&ids=2&n=3');
    expect(server.requests[0]!.headers).toMatchObject({ 'user-agent': 'growthhub-test', 'x-extra': 'yes' });
    expect(server.requests[0]!.headers['x-skipped']).toBeUndefined();
    expect(response).toMatchObject({ status: 200, data: { id: '1' }, attempts: 1, requestId: 'req-9' });
  });

  it('tolerates an empty body and sends form bodies', async () => {
    const server = await startServer((_req, _index, res) => {
      res.writeHead(204);
      res.end();
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    const response = await http.request({
      method: 'DELETE',
      url: 'posts/1',
      form: { reason: 'spam', skip: undefined },
    });

    expect(response.data).toBeUndefined();
    expect(server.requests[0]!.body).toBe('reason=spam');
    expect(server.requests[0]!.headers['content-type']).toContain('application/x-www-form-urlencoded');
  });

  it('validates against responseSchema; a mismatch is a non-retryable unexpected_response', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 200, { data: { id: 42 } }));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const schema = z.object({ data: z.object({ id: z.string() }) });

    const error = await rejectionOf(http.request({ url: 'tweets', responseSchema: schema }));

    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unexpected_response', retryable: false, attempts: 1 });
    expect((error as Error).message).toContain('data.id');
    expect(server.requests).toHaveLength(1);
  });

  it('returns the schema output type on success', async () => {
    const server = await startServer((_req, _index, res) =>
      sendJson(res, 200, { data: { id: '7', extra: true } }),
    );
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    const response = await http.request({
      url: 'tweets',
      responseSchema: z.object({ data: z.object({ id: z.string() }) }),
    });

    expect(response.data.data.id).toBe('7');
  });

  it("maps a platform's error code on an HTTP 200 envelope and retries codes the mapper marks retryable", async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 200, { code: 40100, message: 'system busy' });
      else if (index === 1) sendJson(res, 200, { code: 40002, message: 'Invalid budget' });
      else sendJson(res, 200, { code: 0, data: {} });
    });
    const http = createHttpClient({
      platform: 'tiktok',
      baseUrl: server.url,
      retry: { baseDelayMs: 5 },
      mapError: ({ body, platform, status }) => {
        const code = (body as { code?: number }).code;
        if (code === undefined || code === 0) return undefined;
        return new PlatformApiError({ platform, status, platformCode: code, retryable: code === 40100 });
      },
    });

    const error = await rejectionOf(http.request({ url: 'open_api/v1.3/campaign/get/' }));

    expect(error).toMatchObject({ platformCode: 40002, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('lets isTransient turn a platform code into a retryable failure', async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 400, { error: { code: 2 } });
      else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({
      platform: 'meta',
      baseUrl: server.url,
      retry: { baseDelayMs: 5 },
      isTransient: (error) => (PlatformApiError.isInstance(error) && error.status === 400 ? true : undefined),
    });

    const response = await http.request({ url: 'me' });

    expect(response.attempts).toBe(2);
  });

  it('reports x-rate-limit headers to the rate limiter and pauses the bucket after a 429', async () => {
    const resetEpochSeconds = Math.ceil(Date.now() / 1000) + 60;
    const server = await startServer((_req, index, res) => {
      const headers = {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': index === 0 ? '20' : '0',
        'x-rate-limit-reset': String(resetEpochSeconds),
      };
      if (index === 0) sendJson(res, 200, {}, headers);
      else sendJson(res, 429, {}, headers);
    });
    const rateLimiter = createRateLimiter({
      rules: [{ platform: 'x', bucket: 'tweets', limit: 100, intervalMs: 900_000 }],
    });
    const http = createHttpClient({
      platform: 'x',
      baseUrl: server.url,
      rateLimiter,
      retry: { maxTotalWaitMs: 1_000 },
    });
    const key = { platform: 'x', accountId: 'u1', bucket: 'tweets' };

    await http.request({ url: 'tweets', rateLimit: key });
    expect(rateLimiter.inspect(key).spacingMs).toBeGreaterThan(0);

    const error = await rejectionOf(http.request({ url: 'tweets', rateLimit: key }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt?.getTime()).toBe(resetEpochSeconds * 1000);
    expect(rateLimiter.inspect(key).pausedUntil?.getTime()).toBe(resetEpochSeconds * 1000);
  });
});
