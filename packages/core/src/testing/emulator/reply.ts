import type { ServerResponse } from 'node:http';
import type { EmulatorFailure } from './failure';

/**
 * What a route handler answers. Give one of `json`, `text` or `raw` (or none for an empty body),
 * or `failure` to answer in the route's error envelope.
 *
 * @example
 * ```ts
 * return { status: 201, json: { data: { id, text } } };
 * return { text: challenge, headers: { 'content-type': 'text/plain' } };
 * return fail('notFound');
 * ```
 */
export interface EmulatorReply {
  /** Default 200 (or the envelope's status for `failure`). */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON (`application/json; charset=utf-8` unless a content-type header is given). */
  readonly json?: unknown;
  /** Sent as is (`text/plain; charset=utf-8` unless a content-type header is given). */
  readonly text?: string;
  /** Sent as is (`application/octet-stream` unless a content-type header is given). */
  readonly raw?: Uint8Array;
  /** Answer with this failure in the route's envelope instead. */
  readonly failure?: EmulatorFailure;
}

/** A JSON reply: `json({ data }, 201)`. */
export function json(
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): EmulatorReply {
  return { status, headers, json: body };
}

/** Writes a reply (without `failure`) to the socket, unless the client is already gone. */
export function writeReply(
  response: ServerResponse,
  reply: EmulatorReply,
  extraHeaders: Record<string, string>,
): void {
  if (response.destroyed || response.writableEnded) return;
  const headers: Record<string, string> = { ...extraHeaders };
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  let payload: Buffer | undefined;
  if ('json' in reply && reply.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    payload = Buffer.from(JSON.stringify(reply.json), 'utf8');
  } else if (reply.text !== undefined) {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    payload = Buffer.from(reply.text, 'utf8');
  } else if (reply.raw !== undefined) {
    headers['content-type'] ??= 'application/octet-stream';
    payload = Buffer.from(reply.raw);
  }
  headers['content-length'] = String(payload?.length ?? 0);
  response.writeHead(reply.status ?? 200, headers);
  response.end(payload);
}
