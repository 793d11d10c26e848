import type { PlatformId } from '../model/platform';

/** An incoming webhook HTTP request as the host received it, body untouched. */
export interface WebhookRequest {
  /** `GET` for challenges, usually `POST` for events. */
  readonly method: string;
  /** The full request URL including its query string (challenges carry their token there). */
  readonly url: string;
  /** Request headers; names are matched case-insensitively. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body bytes exactly as received: signatures are computed over them, never over re-serialised JSON. */
  readonly rawBody: Uint8Array;
}

/** What the host should answer with. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The result of signature verification. */
export type WebhookVerification =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: string };

/** Options for {@link WebhookHandler.verify}. */
export interface WebhookVerifyOptions {
  /** The current time, for timestamped signatures that reject replays (TikTok). Default: now. */
  readonly now?: Date;
}

/**
 * A platform event in neutral form. `kind` is our classification; `type` is the platform's own
 * event name; `data` is the tolerant-parsed platform payload for anything more specific.
 */
export interface WebhookEvent {
  readonly platform: PlatformId;
  /** Our classification of the event. */
  readonly kind: 'post.published' | 'post.failed' | 'authorization.revoked' | 'comment.created' | 'other';
  /** The platform's event name, e.g. `video.publish.completed`, `feed`, `tweet_create_events`. */
  readonly type: string;
  /** The account the event concerns (page id, open_id, user id), when present. */
  readonly accountId?: string;
  /** The platform's id of the post concerned (or the publish handle), when present. */
  readonly platformPostId?: string;
  /** When the platform says it happened (ISO 8601), when present. */
  readonly occurredAt?: string;
  /** The platform payload for this event. Never contains our secrets. */
  readonly data: unknown;
}

/**
 * Receives a platform's webhooks: answers its ownership challenge (Meta `hub.challenge`, X CRC),
 * verifies signatures over the raw body (Meta hex HMAC, X base64 HMAC, TikTok timestamped HMAC),
 * and parses events. Secrets come from the adapter's own config.
 */
export interface WebhookHandler {
  /**
   * Returns the response to a challenge/CRC request, or `undefined` when the request is not one.
   * A challenge with a wrong verify token gets a 403 response, not `undefined`.
   */
  challenge(request: WebhookRequest): Promise<WebhookResponse | undefined>;
  /** Verifies the request's signature over its raw body, in constant time. */
  verify(request: WebhookRequest, options?: WebhookVerifyOptions): Promise<WebhookVerification>;
  /** Parses a verified request into events; an unknown event type becomes `kind: 'other'`. */
  parse(request: WebhookRequest): Promise<readonly WebhookEvent[]>;
}
