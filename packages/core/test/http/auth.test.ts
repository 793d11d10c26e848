import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/errors/index';
import { type AccessTokenSource, createHttpClient } from '../../src/http/index';
import { recordingServersClosedAfterEach, rejectionOf } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

function tokenSource(initial: string, refreshed: string): AccessTokenSource & { refreshes: number } {
  return {
    refreshes: 0,
    async getAccessToken() {
      return initial;
    },
    async refreshAfterUnauthorized() {
      this.refreshes++;
      return refreshed;
    },
  };
}

describe('http kernel auth', () => {
  it('after a 401 refreshes exactly once and retries with the new token', async () => {
    const server = await startServer((req, _index, res) => {
      if (req.headers.authorization === 'Bearer fresh-token-2') sendJson(res, 200, { ok: true });
      else sendJson(res, 401, { error: 'expired' });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const auth = tokenSource('stale-token-1', 'fresh-token-2');

    const response = await http.request({ method: 'POST', url: 'posts', json: {}, auth });

    expect(auth.refreshes).toBe(1);
    expect(response.attempts).toBe(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer stale-token-1',
      'Bearer fresh-token-2',
    ]);
  });

  it('a second 401 after the refresh is an AuthError that needs a reconnect, without a second refresh', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 401, { error: 'revoked' }));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { baseDelayMs: 5 } });
    const auth = tokenSource('stale-token-1', 'fresh-token-2');

    const error = await rejectionOf(http.request({ url: 'me', auth }));

    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ needsReconnect: true, status: 401, attempts: 2 });
    expect(auth.refreshes).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it('with a one-shot stream body, a 401 refreshes the token but ends in the AuthError without resending', async () => {
    const server = await startServer((req, _index, res) => {
      if (req.headers.authorization === 'Bearer fresh-token-2') sendJson(res, 200, { ok: true });
      else sendJson(res, 401, { error: 'expired' });
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const auth = tokenSource('stale-token-1', 'fresh-token-2');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk-of-media'));
        controller.close();
      },
    });

    const error = await rejectionOf(http.request({ method: 'POST', url: 'upload', body, auth }));

    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ needsReconnect: true, status: 401, attempts: 1 });
    expect(auth.refreshes).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('without a refresh function a 401 is an AuthError at once', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 401, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });

    const error = await rejectionOf(
      http.request({ url: 'me', auth: { getAccessToken: async () => 'only-token-1' } }),
    );

    expect(AuthError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('a 403 is an AuthError for a missing permission and is not refreshed', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 403, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const auth = tokenSource('token-abc-1', 'token-abc-2');

    const error = await rejectionOf(http.request({ url: 'me', auth }));

    expect(error).toMatchObject({ needsReconnect: false, status: 403 });
    expect(auth.refreshes).toBe(0);
  });

  it('puts the token in a custom header or a query parameter when the adapter asks', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 200, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const auth = { getAccessToken: async () => 'tiktok-token-1' };

    await http.request({ url: 'ads', auth, authHeader: 'Access-Token' });
    await http.request({ url: 'me', searchParams: { fields: 'id' }, auth, authQueryParam: 'access_token' });

    expect(server.requests[0]!.headers['access-token']).toBe('tiktok-token-1');
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(server.requests[1]!.url).toBe('/me?fields=id&access_token=tiktok-token-1');
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('a failing refresh surfaces as an AuthError', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 401, {}));
    const http = createHttpClient({ platform: 'test', baseUrl: server.url });
    const auth: AccessTokenSource = {
      getAccessToken: async () => 'stale-token-1',
      refreshAfterUnauthorized: async () => {
        throw new Error('invalid_grant for refresh_token=rt-secret-value');
      },
    };

    const error = await rejectionOf(http.request({ url: 'me', auth }));

    expect(AuthError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain('rt-secret-value');
  });
});
