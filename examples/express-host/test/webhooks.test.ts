import { crcResponseToken, signXWebhookBody, X_SIGNATURE_HEADER } from '@growthhub/platform-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, connectX, startTestHost, type TestHost } from './support/test-host';

describe('webhooks: X’s CRC is answered, and events are accepted only with a valid signature', () => {
  let host: TestHost;
  let anonymous: ApiClient;
  let consumerSecret: string;

  beforeAll(async () => {
    host = await startTestHost();
    anonymous = apiClient(host.app.url);
    consumerSecret = host.app.secrets.sandboxX?.consumerSecret as string;
  });
  afterAll(() => host.dispose());

  const post = (body: string, signature?: string) =>
    anonymous.request(
      'POST',
      '/webhooks/x',
      body,
      signature === undefined ? {} : { [X_SIGNATURE_HEADER]: signature },
    );

  it('answers the CRC challenge with the HMAC of the token under the consumer secret', async () => {
    const answer = await anonymous.request('GET', '/webhooks/x?crc_token=challenge-123');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_token: crcResponseToken(consumerSecret, 'challenge-123') });
  });

  it('accepts an event signed over its exact bytes', async () => {
    const body = JSON.stringify({ for_user_id: '1589000000000000001', tweet_create_events: [] });
    const answer = await post(body, signXWebhookBody(consumerSecret, Buffer.from(body)));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ received: 0 });
  });

  it('rejects a missing signature, a wrong one, and a body changed after signing, with 401 problem+json', async () => {
    const body = JSON.stringify({
      for_user_id: '1589000000000000001',
      tweet_create_events: [{ id_str: '1' }],
    });
    const signature = signXWebhookBody(consumerSecret, Buffer.from(body));
    const answers = [
      await post(body),
      await post(body, signXWebhookBody('not-the-consumer-secret', Buffer.from(body))),
      await post(body.replace('"1"', '"2"'), signature),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.json.code).toBe('webhook_signature_invalid');
    }
  });

  it('ends the matching connection when a signed event says the user revoked the app', async () => {
    const kiln = apiClient(host.app.url, host.app.apiKeys.kiln);
    const connection = await connectX(kiln);
    const revoked = JSON.stringify({
      for_user_id: '1589000000000000001',
      user_event: { revoke: { source: { user_id: '1589000000000000001' } } },
    });
    const forged = await post(revoked, 'sha256=AAAA');
    expect(forged.status).toBe(401);
    expect((await kiln.request('GET', '/api/connections')).json.items).toHaveLength(1);

    const answer = await post(revoked, signXWebhookBody(consumerSecret, Buffer.from(revoked)));
    expect(answer.json).toEqual({ received: 1 });
    const after = await kiln.request('GET', '/api/connections');
    expect(after.json.items.map((item: { id: string }) => item.id)).not.toContain(connection.id);
  });

  it('answers 404 problem+json for a platform without webhooks', async () => {
    const answer = await anonymous.request('POST', '/webhooks/meta', '{}');
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('not_found');
  });
});
