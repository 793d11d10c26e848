import { expect } from 'vitest';
import type { WebhookRequest } from '../../contracts/index';
import type { SessionCheck } from './social-checks';

/** `webhooks.verify` accepts the harness's signed request and rejects the same request with one byte changed. */
export const verifiesWebhookSignatures: SessionCheck = async (fixture) => {
  const webhooks = fixture.adapter.webhooks;
  if (webhooks === undefined)
    throw new Error(`${fixture.adapter.id} has no webhooks; this check does not apply.`);
  const makeSigned = fixture.session.signedWebhook;
  expect(makeSigned, 'a harness for an adapter with webhooks must provide signedWebhook()').toBeDefined();
  if (makeSigned === undefined) return;
  const signed = await makeSigned.call(fixture.session);
  expect(signed.rawBody.length, 'the signed webhook must have a body').toBeGreaterThan(0);
  expect(await webhooks.verify(signed), 'verify() must accept a correctly signed request').toEqual({
    valid: true,
  });
  const verdict = await webhooks.verify(tamper(signed));
  expect(verdict.valid, 'verify() must reject a request whose body was changed after signing').toBe(false);
};

function tamper(request: WebhookRequest): WebhookRequest {
  const rawBody = Uint8Array.from(request.rawBody);
  const middle = Math.floor(rawBody.length / 2);
  rawBody[middle] = (rawBody[middle] ?? 0) ^ 0x01;
  return { ...request, rawBody };
}
