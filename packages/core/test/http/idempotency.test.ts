import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PlatformApiError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { recordingServersClosedAfterEach, rejectionOf } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

/** A port on 127.0.0.1 where nothing listens (connection refused). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('http kernel and non-idempotent requests', () => {
  it('never retries a POST that got a 503 (the server sees exactly 1 request)', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 503, { error: 'busy' }));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    const error = await rejectionOf(http.request({ method: 'POST', url: 'posts', json: { text: 'hello' } }));

    expect(server.requests).toHaveLength(1);
    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 1 });
  });

  it('never retries a POST whose connection dropped after the server received the body', async () => {
    const server = await startServer((_req, _index, _res, req) => {
      req.socket.destroy();
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    const error = await rejectionOf(http.request({ method: 'POST', url: 'posts', json: { text: 'hello' } }));

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toBe('{"text":"hello"}');
    expect(error).toMatchObject({ code: 'network_error', status: 0, attempts: 1, platformDidNotAct: false });
  });

  it('retries a GET whose connection dropped, and succeeds', async () => {
    const server = await startServer((_req, index, res, req) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    const response = await http.request({ url: 'posts/1' });

    expect(response.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST when the connection was refused (the request never left)', async () => {
    const port = await closedPort();
    const http = createHttpClient({
      platform: 'test',
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 2, baseDelayMs: 5 },
    });

    const error = await rejectionOf(http.request({ method: 'POST', url: 'posts', json: { text: 'hello' } }));

    expect(error).toMatchObject({ code: 'network_error', attempts: 3, platformDidNotAct: true });
  });

  it('retries a POST when the error mapper says the platform did not act', async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 503, { error: { code: 'not_processed' } });
      else sendJson(res, 201, { id: 'p1' });
    });
    const http = createHttpClient({
      platform: 'test',
      baseUrl: server.url,
      retry: { baseDelayMs: 5 },
      mapError: ({ status, body, platform }) => {
        const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
        if (code === 'not_processed') {
          return new PlatformApiError({
            platform,
            status,
            platformCode: code,
            retryable: true,
            platformDidNotAct: true,
          });
        }
        return undefined;
      },
    });

    const response = await http.request<{ id: string }>({
      method: 'POST',
      url: 'posts',
      json: { text: 'hi' },
    });

    expect(response.data.id).toBe('p1');
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST marked idempotent (it carries its own idempotency key)', async () => {
    const server = await startServer((_req, index, res) => {
      if (index === 0) sendJson(res, 502, {});
      else sendJson(res, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    const response = await http.request({ method: 'POST', url: 'search', json: {}, idempotent: true });

    expect(response.attempts).toBe(2);
  });

  it('never retries a PUT marked non-idempotent, nor a PATCH', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 500, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });

    await rejectionOf(http.request({ method: 'PUT', url: 'a', json: {}, idempotent: false }));
    await rejectionOf(http.request({ method: 'PATCH', url: 'b', json: {} }));

    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'PATCH']);
  });

  it('does not retry a POST that timed out (the platform may have acted)', async () => {
    const server = await startServer(() => {
      // never answers
    });
    const http = createHttpClient({
      platform: 'test',
      baseUrl: server.url,
      timeoutMs: 150,
      retry: { baseDelayMs: 5 },
    });

    const error = await rejectionOf(http.request({ method: 'POST', url: 'posts', json: { text: 'hello' } }));

    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});
