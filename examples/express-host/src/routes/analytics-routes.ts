import { PlatformIdSchema, SocialChannelSchema } from '@growthhub/core';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { HostContext } from '../host-context';
import { parseRequest } from '../http/request-input';
import { tenantOf } from '../tenancy/tenant-auth';

const AnalyticsQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
  platform: PlatformIdSchema.optional(),
  channel: SocialChannelSchema.optional(),
  top: z.coerce.number().int().min(1).max(100).optional(),
});
const SyncBodySchema = z.strictObject({ days: z.int().min(1).max(365).optional() });

/**
 * Analytics: `GET /api/analytics` reads the synced metrics (overview, per channel, per post, top
 * posts); `POST /api/analytics/sync` pulls fresh numbers from the platforms now (the engine also
 * does it every 4 hours).
 */
export function analyticsRoutes(context: HostContext, requireTenant: RequestHandler): Router {
  const router = Router();

  router.get('/api/analytics', requireTenant, async (request, response) => {
    const query = parseRequest(AnalyticsQuerySchema, request.query, 'query');
    response.json(await context.engine.social.getAnalytics({ ...query, storeId: tenantOf(response) }));
  });

  router.post('/api/analytics/sync', requireTenant, async (request, response) => {
    const body = parseRequest(SyncBodySchema, request.body, 'body');
    response.json(await context.engine.social.syncMetrics({ ...body, storeId: tenantOf(response) }));
  });
  return router;
}
