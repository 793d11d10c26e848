import type { Connection } from '@growthhub/core';
import { AuthError, GrowthError, PlatformIdSchema } from '@growthhub/core';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { callbackUrl, type HostContext } from '../host-context';
import { toProblem } from '../http/problem-details';
import { parseRequest } from '../http/request-input';
import { actorOf, tenantOf } from '../tenancy/tenant-auth';

const PlatformParamsSchema = z.strictObject({ platform: PlatformIdSchema });
const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(256) });
const StartBodySchema = z.strictObject({
  /** Ask for other scopes than the adapter's defaults. */
  scopes: z.array(z.string().min(1)).min(1).optional(),
  /** Reconnect this connection instead of adding one. */
  connectionId: z.string().min(1).max(256).optional(),
});
const CallbackQuerySchema = z.object({
  code: z.string().min(1).optional(),
  state: z.string().min(1).optional(),
  error: z.string().min(1).optional(),
});

/** How healthy a connection is, for the dashboard's badge. */
export type ConnectionHealth = 'healthy' | 'attention' | 'broken';

/**
 * Connecting accounts. `POST /api/connections/:platform/start` returns the platform's consent URL;
 * the platform sends the browser back to `GET /connect/:platform/callback`, which finishes the
 * connection and returns to the dashboard. The callback needs no API key: the single-use `state`
 * (10 minutes, bound to the store and platform when the flow began) is what identifies the store.
 */
export function connectionRoutes(context: HostContext, requireTenant: RequestHandler): Router {
  const router = Router();
  const { engine, records } = context;

  router.get('/api/connections', requireTenant, async (_request, response) => {
    const storeId = tenantOf(response);
    const page = await engine.connections.list(storeId, { limit: 500 });
    response.json({ items: page.items.map(connectionView) });
  });

  router.post('/api/connections/:platform/start', requireTenant, async (request, response) => {
    const { platform } = parseRequest(PlatformParamsSchema, request.params, 'params');
    const body = parseRequest(StartBodySchema, request.body, 'body');
    if (body.connectionId !== undefined) await records.connection(tenantOf(response), body.connectionId);
    const begun = await engine.connections.begin({
      platform,
      storeId: tenantOf(response),
      userId: actorOf(response),
      redirectUri: callbackUrl(context.publicUrl, platform),
      ...body,
    });
    response.status(201).json(begun);
  });

  router.get('/connect/:platform/callback', async (request, response) => {
    const wantsJson = request.accepts(['html', 'json']) === 'json';
    try {
      const { platform } = parseRequest(PlatformParamsSchema, request.params, 'params');
      const query = parseRequest(CallbackQuerySchema, request.query, 'query');
      if (query.error !== undefined || query.code === undefined || query.state === undefined) {
        throw new AuthError({
          platform,
          needsReconnect: true,
          code: 'oauth_denied',
          message: `${platform} did not grant access (${query.error ?? 'no code'}); connect again to retry.`,
        });
      }
      const connection = await engine.connections.complete({
        platform,
        code: query.code,
        state: query.state,
        redirectUri: callbackUrl(context.publicUrl, platform),
      });
      if (wantsJson) response.status(201).json(connectionView(connection));
      else response.redirect(303, `/?connected=${encodeURIComponent(platform)}`);
    } catch (error) {
      if (wantsJson) throw error;
      // A browser is mid-redirect: send it home with the reason rather than to a JSON error page.
      const code = GrowthError.isInstance(error) ? error.code : 'internal_error';
      if (!GrowthError.isInstance(error))
        context.logger.error('Connect callback failed', { error: String(error) });
      response.redirect(303, `/?connect_error=${encodeURIComponent(code)}`);
    }
  });

  router.post('/api/connections/:id/check', requireTenant, async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    await records.connection(tenantOf(response), id);
    let problem: ReturnType<typeof toProblem> | undefined;
    try {
      // Proves the tokens work (refreshing them when due); the token itself is never sent anywhere.
      await engine.connections.getAccessToken(id);
    } catch (error) {
      if (!GrowthError.isInstance(error)) throw error;
      problem = toProblem(error, context.knownSecrets);
    }
    const connection = await records.connection(tenantOf(response), id);
    response.json({ ...connectionView(connection), ...(problem === undefined ? {} : { problem }) });
  });

  router.delete('/api/connections/:id', requireTenant, async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    await records.connection(tenantOf(response), id);
    await engine.connections.revoke(id);
    response.status(204).end();
  });
  return router;
}

/** A connection as the API shows it: the engine's record (which holds no token) plus a health badge. */
export function connectionView(connection: Connection) {
  return { ...connection, health: healthOf(connection) };
}

function healthOf(connection: Connection): ConnectionHealth {
  if (['expired', 'revoked', 'error'].includes(connection.status)) return 'broken';
  if (connection.status !== 'connected' || connection.missingScopes.length > 0) return 'attention';
  return 'healthy';
}
