import type { AuthCheck, EmulatorReply, EmulatorRequest, RouteHandler } from '@growthhub/core/testing/kit';
import { EmulatorProblem } from '@growthhub/core/testing/kit';
import type { EmulatorState, ProcessingOutcome } from './emulator-state';
import type { EndpointLimiter, XEndpoint } from './endpoint-limits';
import type { OAuthGrants, TokenGrantRecord } from './oauth-grants';
import type { FieldNaming, MetricsGrowth } from './post-view';

/** What every route of the X emulator shares. */
export interface XRouteContext {
  readonly state: EmulatorState;
  readonly grants: OAuthGrants;
  readonly limiter: EndpointLimiter;
  readonly naming: FieldNaming;
  readonly growth: MetricsGrowth;
  /** `check_after_secs` reported while video and GIF media process (each stage lasts this long). */
  readonly checkAfterSecs: number;
  /** How the next finalised videos or GIFs end processing, consumed in order; then `succeeded`. */
  readonly processingOutcomes: ProcessingOutcome[];
  /** Whether replies are allowed only to posts that mention or quote the replying user (self-serve rule). */
  readonly restrictReplies: boolean;
}

/** A handler that knows the user behind the access token. */
export type UserRouteHandler<TBody, TQuery> = (
  request: EmulatorRequest<TBody, TQuery>,
  grant: TokenGrantRecord,
) => EmulatorReply | Promise<EmulatorReply>;

/**
 * OAuth 2.0 user-context auth as X checks it: a live bearer token (else 401), holding every scope the
 * endpoint requires (else 403).
 */
export function userAuth(context: XRouteContext, scopes: readonly string[]): AuthCheck {
  return (request) => {
    const match = /^bearer\s+(.+)$/i.exec(request.headers.authorization?.trim() ?? '');
    const token = match?.[1]?.trim();
    if (token === undefined) return { ok: false, failure: { kind: 'unauthorized', note: 'no bearer token' } };
    const grant = context.grants.grantForAccessToken(token);
    if (grant === undefined) {
      return { ok: false, failure: { kind: 'unauthorized', note: 'unknown, expired or revoked token' } };
    }
    const missing = scopes.filter((scope) => !grant.scopes.includes(scope));
    if (missing.length > 0) {
      return { ok: false, failure: { kind: 'forbidden', note: `token lacks scopes: ${missing.join(' ')}` } };
    }
    return { ok: true, principal: { scheme: 'bearer', token } };
  };
}

/**
 * Wraps a user-context handler with X's per-user and per-app rate limits: headers on every answer,
 * a 429 (with `x-rate-limit-reset` in epoch seconds) once a window is used up.
 */
export function limited<TBody, TQuery>(
  context: XRouteContext,
  endpoint: XEndpoint,
  handler: UserRouteHandler<TBody, TQuery>,
): RouteHandler<TBody, TQuery> {
  return async (request) => {
    const grant = context.grants.grantForAccessToken(request.auth?.token ?? '');
    if (grant === undefined) return { failure: { kind: 'unauthorized' } };
    const check = context.limiter.count(endpoint, grant.userId, grant.clientId);
    if (check?.limited) {
      return {
        failure: {
          kind: 'rateLimited',
          retryAfterSeconds: check.retryAfterSeconds,
          headers: check.headers,
          note: `${endpoint} budget used up`,
        },
      };
    }
    const reply = await handler(request, grant);
    return { ...reply, headers: { ...check?.headers, ...reply.headers } };
  };
}

/**
 * The field names asked for in any of `parameters` (`tweet.fields` and `post.fields` are synonyms),
 * comma-separated or repeated. An unknown name is rejected as X does.
 */
export function requestedFields(
  url: URL,
  parameters: readonly string[],
  allowed: ReadonlySet<string>,
): Set<string> {
  const fields = new Set<string>();
  for (const parameter of parameters) {
    for (const value of url.searchParams.getAll(parameter)) {
      for (const name of value.split(',').map((part) => part.trim())) {
        if (name === '') continue;
        if (!allowed.has(name)) {
          invalidRequest(
            `The \`${parameter}\` query parameter value [${name}] is not one of [${[...allowed].join(',')}]`,
          );
        }
        fields.add(name);
      }
    }
  }
  return fields;
}

/** Throws X's invalid-request problem (HTTP 400) with X's own message. */
export function invalidRequest(message: string): never {
  throw new EmulatorProblem({ kind: 'invalidRequest', message, note: message });
}
