import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import type { HostContext } from './host-context';
import { notFound } from './http/http-problem';
import { problemResponder } from './http/problem-details';
import { analyticsRoutes } from './routes/analytics-routes';
import { connectionRoutes } from './routes/connection-routes';
import { healthRoutes } from './routes/health-routes';
import { postRoutes } from './routes/post-routes';
import { sessionRoutes } from './routes/session-routes';
import { webhookRoutes } from './routes/webhook-routes';
import { requireTenant, type TenantCredentials } from './tenancy/tenant-auth';

/** The dashboard's static files (plain HTML, CSS and ES modules; no build step). */
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/**
 * The Express app: health, webhooks (raw bodies), the JSON API (tenant-scoped), the sandbox's
 * product images, the dashboard, and one problem+json error handler at the end.
 */
export function createHttpApp(
  context: HostContext,
  credentials: TenantCredentials,
  images: ReadonlyMap<string, Buffer>,
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(healthRoutes(context));
  app.use(webhookRoutes(context));
  app.use('/api', express.json({ limit: '100kb' }), noStore);
  app.use(sessionRoutes(context, credentials.apiKeys, credentials.sessions));
  const tenant = requireTenant(credentials);
  app.use(connectionRoutes(context, tenant));
  app.use(postRoutes(context, tenant));
  app.use(analyticsRoutes(context, tenant));
  app.use('/api', (request, _response, next) =>
    next(notFound('API route', `${request.method} ${request.path}`)),
  );
  app.get('/media/:file', (request, response, next) => {
    const image = images.get(request.params.file);
    if (image === undefined) return next(notFound('image', request.params.file));
    response.type('image/png').set('cache-control', 'public, max-age=86400').send(image);
  });
  app.use(express.static(PUBLIC_DIR, { index: 'index.html' }));
  app.use(problemResponder(context.logger, context.knownSecrets));
  return app;
}

/** The dashboard loads nothing from elsewhere, so the policy can be strict. */
const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
      "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  next();
};

/** API answers can name posts and accounts: keep them out of shared caches. */
const noStore: RequestHandler = (_request, response, next) => {
  response.set('cache-control', 'no-store');
  next();
};
