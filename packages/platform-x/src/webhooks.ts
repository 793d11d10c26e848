import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  WebhookEvent,
  WebhookHandler,
  WebhookRequest,
  WebhookResponse,
  WebhookVerification,
} from '@growthhub/core';
import { z } from 'zod';

/** The header carrying X's event signature. */
export const X_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/**
 * X's CRC answer for a `crc_token`: `sha256=` + base64(HMAC-SHA256(consumer secret, crc_token)).
 * X sends the CRC when a webhook is registered, on `PUT /2/webhooks/{id}`, and every 30 minutes until
 * the webhook validates again.
 */
export function crcResponseToken(consumerSecret: string, crcToken: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}`;
}

/** The signature X puts in `x-twitter-webhooks-signature` for a raw event body. */
export function signXWebhookBody(consumerSecret: string, rawBody: Uint8Array): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(rawBody).digest('base64')}`;
}

/**
 * X webhooks (Account Activity): answers the CRC challenge, verifies `x-twitter-webhooks-signature`
 * (base64 HMAC-SHA256 of the raw body, compared in constant time) and turns events into neutral
 * {@link WebhookEvent}s.
 */
export function createXWebhookHandler(consumerSecret: string): WebhookHandler {
  return {
    async challenge(request: WebhookRequest): Promise<WebhookResponse | undefined> {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      const crcToken = new URL(request.url, 'http://localhost').searchParams.get('crc_token');
      if (crcToken === null) return undefined;
      if (crcToken === '')
        return { status: 400, headers: JSON_HEADERS, body: JSON.stringify({ error: 'crc_token is empty' }) };
      return {
        status: 200,
        headers: JSON_HEADERS,
        body: JSON.stringify({ response_token: crcResponseToken(consumerSecret, crcToken) }),
      };
    },

    async verify(request: WebhookRequest): Promise<WebhookVerification> {
      const header = headerValue(request.headers, X_SIGNATURE_HEADER);
      if (header === undefined) return { valid: false, reason: `missing ${X_SIGNATURE_HEADER} header` };
      const expected = Buffer.from(signXWebhookBody(consumerSecret, request.rawBody));
      const given = Buffer.from(header.trim());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { valid: false, reason: 'signature does not match the body' };
      }
      return { valid: true };
    },

    async parse(request: WebhookRequest): Promise<readonly WebhookEvent[]> {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
      } catch {
        return [];
      }
      const parsed = ActivitySchema.safeParse(body);
      if (!parsed.success) return [];
      return toEvents(parsed.data, body);
    },
  };
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

const TweetSchema = z.looseObject({
  id_str: z.string().optional(),
  created_at: z.string().optional(),
  user: z.looseObject({ id_str: z.string().optional() }).optional(),
  in_reply_to_user_id_str: z.string().nullable().optional(),
});

const ActivitySchema = z.looseObject({
  for_user_id: z.string().optional(),
  tweet_create_events: z.array(TweetSchema).optional(),
  user_event: z
    .looseObject({
      revoke: z
        .looseObject({ source: z.looseObject({ user_id: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
});

function toEvents(activity: z.infer<typeof ActivitySchema>, raw: unknown): WebhookEvent[] {
  const accountId = activity.for_user_id;
  const base = { platform: 'x' as const, ...(accountId === undefined ? {} : { accountId }) };
  const events: WebhookEvent[] = [];
  for (const tweet of activity.tweet_create_events ?? []) {
    const own = tweet.user?.id_str !== undefined && tweet.user.id_str === accountId;
    const kind = own
      ? 'post.published'
      : tweet.in_reply_to_user_id_str === accountId
        ? 'comment.created'
        : 'other';
    const occurredAt = tweet.created_at === undefined ? undefined : toIso(tweet.created_at);
    events.push({
      ...base,
      kind,
      type: 'tweet_create_events',
      ...(tweet.id_str === undefined ? {} : { platformPostId: tweet.id_str }),
      ...(occurredAt === undefined ? {} : { occurredAt }),
      data: tweet,
    });
  }
  if (activity.user_event?.revoke !== undefined) {
    events.push({
      ...base,
      kind: 'authorization.revoked',
      type: 'user_event.revoke',
      data: activity.user_event,
    });
  }
  const known = new Set(['for_user_id', 'tweet_create_events', 'user_event']);
  for (const [type, data] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(type) && type.endsWith('_events')) events.push({ ...base, kind: 'other', type, data });
  }
  return events;
}

function toIso(value: string): string | undefined {
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : (value as string | undefined);
  }
  return undefined;
}
