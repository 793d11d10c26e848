import { Router } from 'express';
import { z } from 'zod';
import type { HostContext } from '../host-context';
import { unauthenticated } from '../http/http-problem';
import { parseRequest } from '../http/request-input';
import type { ApiKeyDirectory } from '../tenancy/api-keys';
import { SESSION_COOKIE, SESSION_TTL_MS, type SessionCookies } from '../tenancy/session-cookie';
import { requireTenant, tenantOf } from '../tenancy/tenant-auth';

const SignInSchema = z.strictObject({ apiKey: z.string().min(1).max(200) });

/**
 * The dashboard's sign-in: it trades a store's API key for a signed, HttpOnly session cookie
 * (`POST /api/session`), reads who it is (`GET`) and signs out (`DELETE`).
 */
export function sessionRoutes(
  context: HostContext,
  apiKeys: ApiKeyDirectory,
  sessions: SessionCookies,
): Router {
  const router = Router();
  const secure = context.publicUrl.startsWith('https:');
  const cookie = (value: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;

  router.post('/api/session', async (request, response) => {
    const { apiKey } = parseRequest(SignInSchema, request.body, 'body');
    const storeId = apiKeys.storeOf(apiKey);
    if (storeId === undefined) throw unauthenticated();
    response.setHeader('set-cookie', cookie(sessions.issue(storeId), SESSION_TTL_MS / 1000));
    response.json(await describeSession(context, storeId));
  });

  router.get('/api/session', requireTenant({ apiKeys, sessions }), async (_request, response) => {
    response.json(await describeSession(context, tenantOf(response)));
  });

  router.delete('/api/session', (_request, response) => {
    response.setHeader('set-cookie', cookie('', 0));
    response.status(204).end();
  });
  return router;
}

/** Who is signed in, and what the dashboard needs to draw itself. */
async function describeSession(context: HostContext, storeId: string) {
  const store = await context.catalog.getStore(storeId);
  return {
    storeId,
    storeName: store?.name ?? storeId,
    timeZone: store?.timeZone ?? 'UTC',
    mode: context.mode,
    platforms: context.platforms.map((adapter) => ({ id: adapter.id, displayName: adapter.displayName })),
  };
}
