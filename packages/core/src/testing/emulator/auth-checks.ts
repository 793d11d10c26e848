import type { EmulatorFailure } from './failure';
import type { AuthPrincipal, EmulatorRequest } from './request';

/** What an auth check decided. A failure is answered in the route's envelope. */
export type AuthOutcome =
  | { readonly ok: true; readonly principal: AuthPrincipal }
  | { readonly ok: false; readonly failure: EmulatorFailure };

/**
 * Decides whether a request may reach a route. Give a route several checks to accept any of them
 * (the first failure is answered when none passes).
 */
export type AuthCheck = (request: EmulatorRequest) => AuthOutcome | Promise<AuthOutcome>;

/**
 * Which credentials are valid: a collection read at request time (so a `Set` the emulator's token
 * endpoint fills works), or a predicate.
 */
export type CredentialAcceptor =
  | Iterable<string>
  | ((credential: string, request: EmulatorRequest) => boolean | Promise<boolean>);

/** Settings for {@link bearerAuth}. */
export interface BearerAuthOptions {
  /** Valid access tokens. */
  readonly accept: CredentialAcceptor;
  /** Also accept the token in this query parameter (Graph API and YouTube take `access_token`). */
  readonly queryParameter?: string;
}

/**
 * `Authorization: Bearer <token>` (scheme case-insensitive), optionally also a token in a query
 * parameter. A missing or unknown token is an `unauthorized` failure.
 */
export function bearerAuth(options: BearerAuthOptions): AuthCheck {
  return async (request) => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^bearer\s+(.+)$/i.exec(header.trim());
    if (match?.[1] !== undefined) {
      const token = match[1].trim();
      return (await accepts(options.accept, token, request))
        ? { ok: true, principal: { scheme: 'bearer', token } }
        : unauthorized('The access token is invalid or expired.');
    }
    const queryToken =
      options.queryParameter === undefined ? null : request.url.searchParams.get(options.queryParameter);
    if (queryToken !== null && queryToken !== '') {
      return (await accepts(options.accept, queryToken, request))
        ? { ok: true, principal: { scheme: 'query', token: queryToken } }
        : unauthorized('The access token is invalid or expired.');
    }
    return unauthorized('An access token is required to request this resource.');
  };
}

/** Settings for {@link headerTokenAuth}. */
export interface HeaderTokenAuthOptions {
  /** Header name, any case (`Access-Token` for the TikTok Marketing API). */
  readonly header: string;
  /** Valid tokens. */
  readonly accept: CredentialAcceptor;
}

/** A raw token in a custom header (TikTok Marketing API `Access-Token: <token>`). */
export function headerTokenAuth(options: HeaderTokenAuthOptions): AuthCheck {
  const name = options.header.toLowerCase();
  return async (request) => {
    const token = request.headers[name]?.trim();
    if (token === undefined || token === '') return unauthorized(`The ${options.header} header is required.`);
    return (await accepts(options.accept, token, request))
      ? { ok: true, principal: { scheme: 'header', token } }
      : unauthorized(`The ${options.header} header holds an invalid or expired token.`);
  };
}

/** OAuth clients by id with their secrets, or a predicate over both. */
export type ClientAcceptor =
  | Readonly<Record<string, string>>
  | ((clientId: string, clientSecret: string) => boolean | Promise<boolean>);

/** Settings for {@link basicClientAuth}. */
export interface BasicClientAuthOptions {
  readonly clients: ClientAcceptor;
}

/**
 * OAuth client authentication with `Authorization: Basic base64(client_id:client_secret)`
 * (RFC 6749 §2.3.1; both parts form-urlencoded before encoding).
 */
export function basicClientAuth(options: BasicClientAuthOptions): AuthCheck {
  return async (request) => {
    const match = /^basic\s+(.+)$/i.exec(request.headers.authorization?.trim() ?? '');
    if (match?.[1] === undefined) return unauthorized('Client authentication with HTTP Basic is required.');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return unauthorized('The Basic credentials are malformed.');
    const clientId = formDecode(decoded.slice(0, colon));
    const clientSecret = formDecode(decoded.slice(colon + 1));
    return (await acceptsClient(options.clients, clientId, clientSecret))
      ? { ok: true, principal: { scheme: 'basic', clientId } }
      : unauthorized('Client authentication failed.');
  };
}

/** Settings for {@link bodyClientAuth}. */
export interface BodyClientAuthOptions {
  readonly clients: ClientAcceptor;
  /** Body field with the client id. Default `client_id` (TikTok: `client_key`, TikTok Marketing: `app_id`). */
  readonly idField?: string;
  /** Body field with the secret. Default `client_secret` (TikTok Marketing: `secret`). */
  readonly secretField?: string;
}

/** OAuth client credentials in the form or JSON body (RFC 6749 §2.3.1 `client_secret_post`). */
export function bodyClientAuth(options: BodyClientAuthOptions): AuthCheck {
  const idField = options.idField ?? 'client_id';
  const secretField = options.secretField ?? 'client_secret';
  return async (request) => {
    const body = request.body;
    const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const clientId = fields[idField];
    const clientSecret = fields[secretField];
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string') {
      return unauthorized(`The ${idField} and ${secretField} parameters are required.`);
    }
    return (await acceptsClient(options.clients, clientId, clientSecret))
      ? { ok: true, principal: { scheme: 'body', clientId } }
      : unauthorized('Client authentication failed.');
  };
}

/** Runs checks in order and lets the request in when any passes; otherwise answers the first failure. */
export async function runAuthChecks(
  checks: readonly AuthCheck[],
  request: EmulatorRequest,
): Promise<AuthOutcome | undefined> {
  let firstFailure: AuthOutcome | undefined;
  for (const check of checks) {
    const outcome = await check(request);
    if (outcome.ok) return outcome;
    firstFailure ??= outcome;
  }
  return firstFailure;
}

/** The platform's own unauthorized answer; why it failed goes to the request log only. */
function unauthorized(note: string): AuthOutcome {
  return { ok: false, failure: { kind: 'unauthorized', note } };
}

async function accepts(
  acceptor: CredentialAcceptor,
  credential: string,
  request: EmulatorRequest,
): Promise<boolean> {
  if (typeof acceptor === 'function') return acceptor(credential, request);
  for (const candidate of acceptor) if (candidate === credential) return true;
  return false;
}

async function acceptsClient(
  acceptor: ClientAcceptor,
  clientId: string,
  clientSecret: string,
): Promise<boolean> {
  if (typeof acceptor === 'function') return acceptor(clientId, clientSecret);
  return Object.hasOwn(acceptor, clientId) && acceptor[clientId] === clientSecret;
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
