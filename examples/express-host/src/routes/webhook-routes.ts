import type { WebhookRequest } from '@growthhub/core';
import { PlatformIdSchema } from '@growthhub/core';
import express, { Router } from 'express';
import type { HostContext } from '../host-context';
import { HttpProblem, notFound } from '../http/http-problem';
import { handleWebhookEvents } from '../publishing/webhook-events';

/**
 * `GET|POST /webhooks/:platform`: the platform's ownership challenge (X's CRC: `GET
 * ?crc_token=…`), then signature verification over the raw body bytes (never re-serialised JSON),
 * then the events. A bad or missing signature is refused with 401 before anything is parsed.
 */
export function webhookRoutes(context: HostContext): Router {
  const router = Router();
  // The signature covers the exact bytes sent, so the body must stay raw here.
  router.all(
    '/webhooks/:platform',
    express.raw({ type: () => true, limit: '1mb' }),
    async (request, response) => {
      const platform = PlatformIdSchema.safeParse(request.params.platform);
      const handler = platform.success
        ? context.platforms.find((adapter) => adapter.id === platform.data)?.webhooks
        : undefined;
      if (handler === undefined) throw notFound('webhook endpoint', String(request.params.platform));
      const webhook: WebhookRequest = {
        method: request.method,
        url: `${context.publicUrl}${request.originalUrl}`,
        headers: request.headers,
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      };
      const challenge = await handler.challenge(webhook);
      if (challenge !== undefined) {
        response.status(challenge.status).set(challenge.headers).send(challenge.body);
        return;
      }
      if (request.method !== 'POST') {
        throw new HttpProblem(
          405,
          'method_not_allowed',
          'Webhook events are POSTed; GET answers challenges only.',
        );
      }
      const verification = await handler.verify(webhook);
      if (!verification.valid) {
        throw new HttpProblem(401, 'webhook_signature_invalid', `Webhook refused: ${verification.reason}.`);
      }
      const events = await handler.parse(webhook);
      await handleWebhookEvents(context, events);
      response.json({ received: events.length });
    },
  );
  return router;
}
