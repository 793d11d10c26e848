import { EditPostInputSchema, PlanCalendarInputSchema } from '@growthhub/agents';
import type { SocialPost } from '@growthhub/core';
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
  /** Only posts scheduled in [from, to) (the dashboard's week); returns them all, unpaged. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().min(1).optional(),
});

/**
 * Calendars and posts: plan, list, read, edit, approve, reschedule, cancel and publish now. Every
 * post id in a path or body is checked against the caller's store first (another store's post is a 404).
 */
export function postRoutes(context: HostContext, requireTenant: RequestHandler): Router {
  const router = Router();
  const { engine, records } = context;
  router.use(['/api/calendars', '/api/posts'], requireTenant);

  router.post('/api/calendars', async (request, response) => {
    const body = parseRequest(PlanBodySchema, request.body, 'body');
    const plan = await engine.social.planCalendar({ ...body, storeId: tenantOf(response) });
    response.status(201).json(plan);
  });

  router.get('/api/calendars/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    response.json(await records.calendar(tenantOf(response), id));
  });

  router.get('/api/posts', async (request, response) => {
    const query = parseRequest(ListQuerySchema, request.query, 'query');
    const storeId = tenantOf(response);
    const filter = {
      storeId,
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.calendarId === undefined ? {} : { calendarId: query.calendarId }),
    };
    if (query.from === undefined && query.to === undefined) {
      const { from: _from, to: _to, ...paging } = query;
      response.json(await engine.social.listPosts({ ...filter, ...paging }));
      return;
    }
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined ? Infinity : Date.parse(query.to);
    const items = (await everyPost(context, filter)).filter((post) => {
      const at = Date.parse(post.scheduledAt ?? post.createdAt);
      return at >= from && at < to;
    });
    response.json({ items });
  });

  router.get('/api/posts/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    response.json(await records.post(tenantOf(response), id));
  });

  router.patch('/api/posts/:id', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const changes = parseRequest(EditPostInputSchema, request.body, 'body');
    await records.post(tenantOf(response), id);
    response.json(await engine.social.edit(id, changes));
  });

  router.post('/api/posts/approve', async (request, response) => {
    const { postIds } = parseRequest(ApproveBodySchema, request.body, 'body');
    const storeId = tenantOf(response);
    for (const id of postIds) await records.post(storeId, id);
    const approved = await engine.social.approve(postIds, { by: actorOf(response) });
    response.json({ items: approved });
  });

  router.post('/api/posts/:id/reschedule', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const { scheduledAt } = parseRequest(RescheduleBodySchema, request.body, 'body');
    await records.post(tenantOf(response), id);
    response.json(await engine.social.reschedule(id, scheduledAt));
  });

  router.post('/api/posts/:id/cancel', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    await records.post(tenantOf(response), id);
    response.json(await engine.social.cancel(id));
  });

  router.post('/api/posts/:id/publish', async (request, response) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const { wait } = parseRequest(PublishQuerySchema, request.query, 'query');
    const post = await records.post(tenantOf(response), id);
    const after = await publishNow(engine, post, (wait ?? 0) * 1000);
    response.status(after.status === 'published' ? 200 : 202).json(after);
  });
  return router;
}

/** Every post of a store matching the filter, paging through the engine's list. */
async function everyPost(
  context: HostContext,
  filter: { storeId: string; status?: SocialPost['status']; calendarId?: string },
): Promise<SocialPost[]> {
  const posts: SocialPost[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.engine.social.listPosts({
      ...filter,
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    posts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return posts;
}
