import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookHandler } from '@growthhub/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crcResponseToken, signXWebhookBody, x } from '../../src/index';
import { signedActivity } from '../../src/testing/index';

const CONSUMER_SECRET = 'consumer-secret-for-tests';

/** A host app route that answers X's CRC and accepts only correctly signed events. */
function hostRoute(webhooks: WebhookHandler, received: unknown[]): Server {
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const incoming = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      rawBody: new Uint8Array(Buffer.concat(chunks)),
    };
    const challenge = await webhooks.challenge(incoming);
    if (challenge !== undefined) {
      response.writeHead(challenge.status, challenge.headers).end(challenge.body);
      return;
    }
    const verdict = await webhooks.verify(incoming);
    if (!verdict.valid) {
      response.writeHead(401).end();
      return;
    }
    received.push(...(await webhooks.parse(incoming)));
    response.writeHead(200).end();
  });
}

let server: Server;
let url: string;
let received: unknown[];

beforeEach(async () => {
  const adapter = x({
    clientId: 'id',
    redirectUri: 'https://app.example/cb',
    consumerSecret: CONSUMER_SECRET,
  });
  if (adapter.webhooks === undefined) throw new Error('expected webhooks');
  received = [];
  server = hostRoute(adapter.webhooks, received);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/x`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('X webhooks', () => {
  it('answers the CRC with sha256= and the base64 HMAC-SHA256 of crc_token under the consumer secret', async () => {
    const response = await fetch(`${url}?crc_token=challenge-123`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_token: string };
    // Known answer computed independently of the adapter.
    const { createHmac } = await import('node:crypto');
    const expected = `sha256=${createHmac('sha256', CONSUMER_SECRET).update('challenge-123').digest('base64')}`;
    expect(body).toEqual({ response_token: expected });
    expect(crcResponseToken(CONSUMER_SECRET, 'challenge-123')).toBe(expected);
  });

  it('accepts a signed event and parses it, and rejects the same event with a tampered body', async () => {
    const signed = signedActivity('http://unused', CONSUMER_SECRET, '2244994945');
    const headers = signed.headers as Record<string, string>;
    const accepted = await fetch(url, { method: 'POST', headers, body: Buffer.from(signed.rawBody) });
    expect(accepted.status).toBe(200);
    expect(received).toEqual([
      expect.objectContaining({
        platform: 'x',
        kind: 'post.published',
        type: 'tweet_create_events',
        accountId: '2244994945',
      }),
    ]);
    const tampered = Buffer.from(signed.rawBody);
    tampered[tampered.length - 3] = tampered[tampered.length - 3] === 0x31 ? 0x32 : 0x31;
    const rejected = await fetch(url, { method: 'POST', headers, body: tampered });
    expect(rejected.status).toBe(401);
    expect(received).toHaveLength(1);
  });

  it('rejects a missing signature and one made with another secret', async () => {
    const body = Buffer.from(JSON.stringify({ for_user_id: '1', favorite_events: [] }));
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    const forged = signXWebhookBody('someone-else', body);
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'x-twitter-webhooks-signature': forged },
    });
    expect(response.status).toBe(401);
  });

  it('has no webhooks without a consumer secret', () => {
    expect(x({ clientId: 'id', redirectUri: 'https://app.example/cb' }).webhooks).toBeUndefined();
  });
});
