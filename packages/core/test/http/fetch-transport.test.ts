import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { PlatformApiError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { recordingServersClosedAfterEach, rejectionOf } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

describe('http kernel fetch transport', () => {
  it('sends json as a JSON string with content-type application/json, unless the caller set a content type', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 200, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    await http.request({ method: 'POST', url: 'plain', json: { text: 'hi', n: 1 } });
    await http.request({
      method: 'POST',
      url: 'merge-patch',
      json: { text: 'hi' },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });

    expect(server.requests[0]!.body).toBe('{"text":"hi","n":1}');
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[1]!.headers['content-type']).toBe('application/merge-patch+json');
  });

  it('sends a ReadableStream body and never sends it a second time, even for a PUT', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 503, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });
    const chunks = ['chunk-1,', 'chunk-2'];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });

    const error = await rejectionOf(http.request({ method: 'PUT', url: 'media/1', body }));

    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toBe('chunk-1,chunk-2');
  });

  it('calls the injected fetch with the full URL (query included) and the method', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 200, { ok: true }));
    const seen: { url: string; method: string | undefined }[] = [];
    const http = createHttpClient({
      platform: 'test',
      baseUrl: `${server.url}/v1`,
      fetch: (input, init) => {
        seen.push({ url: String(input), method: init?.method });
        return fetch(input, init);
      },
    });

    const response = await http.request({
      method: 'PATCH',
      url: 'items/7',
      searchParams: { a: [1, 2] },
      json: {},
    });

    expect(response.data).toEqual({ ok: true });
    expect(seen).toEqual([{ url: `${server.url}/v1/items/7?a=1&a=2`, method: 'PATCH' }]);
    expect(server.requests[0]!.method).toBe('PATCH');
  });

  it('leaves no abort listener behind on a long-lived caller signal', async () => {
    const server = await startServer((_req, index, res) => sendJson(res, index % 2 === 0 ? 503 : 200, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 1 } });
    const session = new AbortController();

    for (let call = 0; call < 20; call++) await http.request({ url: 'things', signal: session.signal });

    expect(server.requests).toHaveLength(40);
    expect(getEventListeners(session.signal, 'abort')).toHaveLength(0);
  });

  it("a caller's abort while the body is still arriving rejects with the signal's reason", async () => {
    const server = await startServer((_req, _index, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      // the rest never comes
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 150);

    const error = await rejectionOf(http.request({ url: 'slow-body', signal: controller.signal }));

    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once with request_failed, without a retry, when fetch refuses the URL', async () => {
    const http = createHttpClient({
      platform: 'test',
      baseUrl: 'http://exa mple.invalid',
      retry: { baseDelayMs: 1 },
    });

    const error = await rejectionOf(http.request({ url: 'things' }));

    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'request_failed', retryable: false, attempts: 1 });
  });
});
