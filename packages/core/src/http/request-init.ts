import type { HttpMethod, HttpRequest } from './http-types';

/** A `RequestInit` that may carry `duplex`, which undici needs for a streamed body (not in the DOM types). */
export type OutgoingInit = RequestInit & { duplex?: 'half' };

/**
 * Builds what `fetch` is given for one call (every attempt reuses it; it is built again only when the
 * access token changes): the method; the headers (the client's, then the request's without `undefined`
 * values, then the token unless it travels in the query); and the body: `json` as a JSON string with
 * `content-type: application/json` (unless a content type is set), `form` as `URLSearchParams` (fetch
 * adds the form content type), any other `body` as is. The `signal` is set per attempt by the transport.
 * No `headers` object is made when there is nothing to send, since each header costs time in `fetch`.
 */
export function buildRequestInit(
  method: HttpMethod,
  clientHeaders: Record<string, string> | undefined,
  request: HttpRequest<unknown>,
  token: string | undefined,
): OutgoingInit {
  const init: OutgoingInit = { method };
  let headers = mergeHeaders(clientHeaders, request, token);
  const { json, form, body } = request;
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    if (headers === undefined) headers = { 'content-type': 'application/json' };
    else if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  } else if (form !== undefined) {
    init.body = form instanceof URLSearchParams ? form : toFormBody(form);
  } else if (body !== undefined) {
    init.body = body;
    // undici sends a stream (web or Node) only when told it is half-duplex.
    if (isOneShotBody(body)) init.duplex = 'half';
  }
  if (headers !== undefined) init.headers = headers;
  return init;
}

/**
 * Whether a body can only be read once (a web `ReadableStream` or any async iterable such as a Node
 * stream), so that an attempt that sent it cannot be repeated.
 */
export function isOneShotBody(body: BodyInit | undefined): boolean {
  if (typeof body !== 'object' || body === null) return false;
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) return true;
  return Symbol.asyncIterator in body;
}

function mergeHeaders(
  clientHeaders: Record<string, string> | undefined,
  request: HttpRequest<unknown>,
  token: string | undefined,
): Record<string, string> | undefined {
  const extra = request.headers;
  const withToken = token !== undefined && request.authQueryParam === undefined;
  if (clientHeaders === undefined && extra === undefined && !withToken) return undefined;
  const headers: Record<string, string> = { ...clientHeaders };
  if (extra !== undefined) {
    for (const name in extra) {
      const value = extra[name];
      if (value !== undefined) headers[name] = value;
    }
  }
  if (withToken) {
    const name = request.authHeader ?? 'Authorization';
    const scheme = request.authScheme ?? (name.toLowerCase() === 'authorization' ? 'Bearer' : '');
    headers[name] = scheme === '' ? token : `${scheme} ${token}`;
  }
  return headers;
}

function hasHeader(headers: Record<string, string>, lowerCaseName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}

function toFormBody(form: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined) body.append(name, String(value));
  return body;
}
