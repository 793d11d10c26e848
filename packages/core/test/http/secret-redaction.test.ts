import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PlatformApiError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { recordingServersClosedAfterEach } from './kernel-harness';
import { sendJson } from './recording-server';

const startServer = recordingServersClosedAfterEach();

/** A token with no recognisable shape, so only the kernel's known-secret scrubbing can find it. */
const TOKEN = 'zq7XK2vP9mLr4TtWnb83';

function everyRendering(error: unknown): string[] {
  const asError = error as Error;
  return [
    asError.message,
    asError.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(error),
  ];
}

describe('http kernel secret redaction', () => {
  it('a token in the URL, a header, the body and the cause never appears in message, toJSON() or util.inspect', async () => {
    const server = await startServer((request, _index, res) => {
      // A careless platform echoes everything it was sent.
      sendJson(res, 400, {
        error: {
          message: `Invalid token ${TOKEN} (you sent ${request.headers.authorization} to ${request.url})`,
          echo: request.body,
          code: 190,
        },
      });
    });
    const http = createHttpClient({
      platform: 'meta',
      baseUrl: server.url,
      mapError: ({ body, platform, status, request }) => {
        const envelope = (body as { error: { message: string; code: number } }).error;
        return new PlatformApiError({
          platform,
          status,
          platformCode: envelope.code,
          message: `${request.method} ${request.url}: ${envelope.message}`,
          details: body,
          cause: Object.assign(new Error(`upstream rejected ${TOKEN}`), {
            config: { headers: { Authorization: `Bearer ${TOKEN}` }, url: `/me?access_token=${TOKEN}` },
            cause: new Error(`socket said ${TOKEN}`),
          }),
        });
      },
    });

    let caught: unknown;
    try {
      await http.request({
        method: 'POST',
        url: `me/feed?access_token=${TOKEN}`,
        json: { message: 'hello', access_token: TOKEN, note: `raw ${TOKEN}` },
        auth: { getAccessToken: async () => TOKEN },
      });
    } catch (error) {
      caught = error;
    }

    expect(PlatformApiError.isInstance(caught)).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    for (const rendering of everyRendering(caught)) expect(rendering).not.toContain(TOKEN);
    expect(JSON.stringify(caught)).toContain('[REDACTED]');
    expect((caught as PlatformApiError).platformCode).toBe(190);
  });

  it('a token echoed by the default mapper (in the body kept as details) is redacted too', async () => {
    const server = await startServer((_request, _index, res) =>
      sendJson(res, 500, { trace: `token=${TOKEN}` }),
    );
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, retry: { maxAttempts: 0 } });

    let caught: unknown;
    try {
      await http.request({
        url: 'me',
        auth: { getAccessToken: async () => TOKEN },
        authQueryParam: 'access_token',
      });
    } catch (error) {
      caught = error;
    }

    expect(PlatformApiError.isInstance(caught)).toBe(true);
    for (const rendering of everyRendering(caught)) expect(rendering).not.toContain(TOKEN);
  });
});
