import type { RequestHandler, Response } from 'express';
import { HttpProblem, unauthenticated } from '../http/http-problem';
import type { ApiKeyDirectory } from './api-keys';
import { readCookie, SESSION_COOKIE, type SessionCookies } from './session-cookie';

/** How requests prove which store they act for. */
export interface TenantCredentials {
  readonly apiKeys: ApiKeyDirectory;
  readonly sessions: SessionCookies;
}

/**
 * Resolves the request's store from `Authorization: Bearer <api key>` (scripts, servers) or the
 * dashboard's signed session cookie, and refuses the request without one. Every route behind it
 * reads the store with {@link tenantOf} and never from the request body or URL, so a store cannot
 * ask for another's data by naming it.
 */
export function requireTenant(credentials: TenantCredentials): RequestHandler {
  return (request, response, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      const storeId = credentials.apiKeys.storeOf(bearer);
      if (storeId === undefined) return next(unauthenticated());
      response.locals.storeId = storeId;
      response.locals.actor = 'api-key';
      return next();
    }
    const storeId = credentials.sessions.read(readCookie(request.get('cookie'), SESSION_COOKIE));
    if (storeId === undefined) return next(unauthenticated());
    // A cookie rides along on cross-site requests; a JSON body does not (a form cannot send one), so
    // changes made with the cookie must be JSON. SameSite=Lax already stops most of this; this is the backstop.
    if (
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      !/^application\/json\b/i.test(request.get('content-type') ?? '')
    ) {
      return next(
        new HttpProblem(415, 'json_required', 'Send changes as JSON (content-type: application/json).'),
      );
    }
    response.locals.storeId = storeId;
    response.locals.actor = 'dashboard';
    return next();
  };
}

/** Who acted, for the engine's records (`userId`, `approvedBy`): the dashboard user or an API key. */
export function actorOf(response: Response): string {
  return response.locals.actor === 'dashboard' ? 'dashboard-user' : 'api-key';
}

/** The store the authenticated request acts for. */
export function tenantOf(response: Response): string {
  const storeId: unknown = response.locals.storeId;
  if (typeof storeId !== 'string') throw unauthenticated();
  return storeId;
}
