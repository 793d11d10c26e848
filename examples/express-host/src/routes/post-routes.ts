import { EditPostInputSchema, PlanCalendarInputSchema } from '@growthhub/agents';
import { IdSchema, PostStatusSchema } from '@growthhub/core';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { HostContext } from '../host-context';
import { parseRequest } from '../http/request-input';
import { publishNow } from '../publishing/publish-now';
import { actorOf, tenantOf } from '../tenancy/tenant-auth';

/** The engine's own input schema, minus the store: that comes from the caller's credentials. */
const PlanBodySchema = PlanCalendarInputSchema.omit({ storeId: true });
const IdParamsSchema = z.strictObject({ id: IdSchema });
const ApproveBodySchema = z.strictObject({ postIds: z.array(IdSchema).min(1).max(500) });
const RescheduleBodySchema = z.strictObject({ scheduledAt: z.iso.datetime({ offset: true }) });
const PublishQuerySchema = z.strictObject({ wait: z.coerce.number().int().min(0).max(30).optional() });
const ListQuerySchema = z.strictObject({
  status: PostStatusSchema.optional(),
  calendarId: IdSchema.optional(),
  /** Only posts scheduled in [from, to) (the dashboard's week): `from` inclusive, `to` exclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().min(1).optional(),
});

/**
 * Calendars and posts: plan, list, read, edit, approve, reschedule, cancel and publish now. Every
 * engine call carries the caller's `storeId`, so the engine itself answers another store's post or
 * calendar like a missing one (`RecordNotFoundError`, a 404 here).
 */
export function postRoutes(context: HostContext, requireTenant: RequestHandler): Router {
  const router = Router();
  const { engine } = context;
  router.use(['/api/calendars', '/api/posts'], requireTenant);

  router.post('/api/calendars', async (request, response) => {
    const body = parseRequest(PlanBodySchema, request.body, 'body');
    const plan = await engine.social.planCalendar({ ...body, storeId: tenantOf(response) });
    response.status(201).json(plan);
  });

  router.get('/api/calendars/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    response.json(await engine.social.getCalendar(id, { storeId: tenantOf(response) }));
  });

  router.get('/api/posts', async (request, response) => {
    const query = parseRequest(ListQuerySchema, request.query, 'query');
    response.json(await engine.social.listPosts({ ...query, storeId: tenantOf(response) }));
  });

  router.get('/api/posts/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    response.json(await engine.social.getPost(id, { storeId: tenantOf(response) }));
  });

  router.patch('/api/posts/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const changes = parseRequest(EditPostInputSchema, request.body, 'body');
    response.json(await engine.social.edit(id, changes, { storeId: tenantOf(response) }));
  });

  router.post('/api/posts/approve', async (request, response) => {
    const { postIds } = parseRequest(ApproveBodySchema, request.body, 'body');
    const approved = await engine.social.approve(postIds, {
      by: actorOf(response),
      storeId: tenantOf(response),
    });
    response.json({ items: approved });
  });

  router.post('/api/posts/:id/reschedule', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const { scheduledAt } = parseRequest(RescheduleBodySchema, request.body, 'body');
    response.json(await engine.social.reschedule(id, scheduledAt, { storeId: tenantOf(response) }));
  });

  router.post('/api/posts/:id/cancel', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    response.json(await engine.social.cancel(id, { storeId: tenantOf(response) }));
  });

  router.post('/api/posts/:id/publish', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const { wait } = parseRequest(PublishQuerySchema, request.query, 'query');
    const after = await publishNow(engine, tenantOf(response), id, (wait ?? 0) * 1000);
    response.status(after.status === 'published' ? 200 : 202).json(after);
  });
  return router;
}
