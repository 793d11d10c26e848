import { Router } from 'express';
import type { HostContext } from '../host-context';

/**
 * `GET /api/health`: for load balancers and uptime checks, no key needed. It answers 200 only when
 * the store answers, and says nothing a stranger could use (no store ids, no counts).
 */
export function healthRoutes(context: HostContext): Router {
  const router = Router();
  const startedAt = new Date().toISOString();
  router.get('/api/health', async (_request, response) => {
    let storeOk = true;
    try {
      await context.engine.store.values.get('host:health-probe');
    } catch (error) {
      storeOk = false;
      context.logger.error('Health check: the store did not answer', { error: String(error) });
    }
    response.status(storeOk ? 200 : 503).json({
      status: storeOk ? 'ok' : 'unavailable',
      mode: context.mode,
      store: context.engine.store.kind,
      platforms: context.platforms.map((adapter) => adapter.id),
      startedAt,
    });
  });
  return router;
}
