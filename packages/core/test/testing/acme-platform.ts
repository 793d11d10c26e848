import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PlatformAdapter, SocialPublisher, WebhookHandler } from '../../src/contracts/index';
import { checkPostAgainstCapabilities } from '../../src/contracts/index';
import { PlatformApiError } from '../../src/errors/index';
import type { ErrorMapper } from '../../src/http/index';
import { defaultErrorMapper } from '../../src/http/index';
import type { PlatformConformanceHarness } from '../../src/testing/index';
import {
  bearerAuth,
  createEmulator,
  createTestAdapterContext,
  queryList,
  redirectFetch,
} from '../../src/testing/index';
import { CAPTION_LIMITS } from '../../src/text/index';

/**
 * "Acme": a tiny fake platform (emulator + adapter) used to prove the conformance suite passes a
 * correct adapter and fails broken ones. Platform ids and channels are a closed set, so Acme borrows
 * the `pinterest` id and channel; its API lives at https://api.acme.test and answers in the X envelope.
 */
export const ACME_HOST = 'api.acme.test';

/** Deliberate defects, each of which one conformance check must catch. */
export interface AcmeFlaws {
  /** `validate` ignores caption length. */
  readonly skipsCaptionCheck?: boolean;
  /** The token endpoint is plain http. */
  readonly plainHttpTokenUrl?: boolean;
  /** A post kind without media file limits. */
  readonly inconsistentCapabilities?: boolean;
  /** `findPublished` returns every recent post, published by this key or not. */
  readonly findsEverything?: boolean;
  /** `getPostMetrics` returns nothing. */
  readonly dropsMetrics?: boolean;
  /** The error mapper turns 429 into a generic, non-retryable platform error. */
  readonly hidesRateLimits?: boolean;
  /** Failed calls are rethrown as plain errors quoting the access token. */
  readonly leaksTokenInErrors?: boolean;
  /** `verify` accepts any signature. */
  readonly trustsAnyWebhook?: boolean;
}

interface AcmePost {
  id: string;
  text: string;
  idempotencyKey: string | undefined;
  createdAt: string;
}

/** The Acme API emulator with its issued tokens and stored posts. */
export function createAcmeEmulator() {
  const tokens = new Set<string>();
  const posts: AcmePost[] = [];
  const auth = bearerAuth({ accept: tokens });
  const emulator = createEmulator({ platform: 'acme', envelope: 'x' })
    .route(
      'POST',
      '/v1/posts',
      (req) => {
        const post = {
          id: String(1000 + posts.length),
          text: req.body.text,
          idempotencyKey: req.body.idempotency_key,
          createdAt: new Date().toISOString(),
        };
        posts.push(post);
        return { status: 201, json: { data: { id: post.id, created_at: post.createdAt } } };
      },
      { auth, body: z.object({ text: z.string().min(1).max(800), idempotency_key: z.string().optional() }) },
    )
    .route(
      'GET',
      '/v1/posts',
      (req) => ({
        json: {
          data: posts
            .filter((post) => post.createdAt >= req.query.since)
            .map((post) => ({
              id: post.id,
              text: post.text,
              idempotency_key: post.idempotencyKey,
              created_at: post.createdAt,
            })),
        },
      }),
      { auth, query: z.object({ since: z.string() }) },
    )
    .route(
      'GET',
      '/v1/metrics',
      (req) => ({
        json: {
          data: posts
            .filter((post) => req.query.ids.includes(post.id))
            .map((post) => ({ id: post.id, views: 10 * post.text.length, likes: 3 })),
        },
      }),
      { auth, query: z.object({ ids: queryList() }) },
    );
  return {
    emulator,
    issueToken(): string {
      const token = `acme-token-${randomUUID()}`;
      tokens.add(token);
      return token;
    },
  };
}

const PostCreated = z.object({ data: z.object({ id: z.string(), created_at: z.string() }) });
const PostList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      idempotency_key: z.string().optional(),
      created_at: z.string(),
    }),
  ),
});
const MetricList = z.object({
  data: z.array(z.object({ id: z.string(), views: z.number(), likes: z.number() })),
});

/** The Acme adapter, optionally with defects. */
export function acmeAdapter(
  settings: { clientSecret: string; webhookSecret: string },
  flaws: AcmeFlaws = {},
): PlatformAdapter {
  const base = `https://${ACME_HOST}`;
  const capabilities: PlatformAdapter['capabilities'] = {
    social: {
      pinterest: {
        postKinds: {
          text: { minCount: 0, maxCount: 0, files: {} },
          image: flaws.inconsistentCapabilities
            ? { minCount: 1, maxCount: 4, files: {} }
            : {
                minCount: 1,
                maxCount: 4,
                files: { image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5_000_000 } },
              },
        },
        caption: CAPTION_LIMITS.pinterest,
        firstComment: false,
        deletePost: false,
        asyncPublish: false,
      },
    },
    rateLimits: [{ bucket: 'posts', limit: 100, intervalMs: 900_000 }],
  };
  const webhooks: WebhookHandler = {
    challenge: async () => undefined,
    async verify(request) {
      if (flaws.trustsAnyWebhook) return { valid: true };
      const header = request.headers['acme-signature'];
      const given = Buffer.from(String(header ?? '').replace(/^sha256=/, ''), 'hex');
      const expected = createHmac('sha256', settings.webhookSecret).update(request.rawBody).digest();
      return given.length === expected.length && timingSafeEqual(given, expected)
        ? { valid: true }
        : { valid: false, reason: 'signature mismatch' };
    },
    parse: async () => [],
  };
  return {
    specificationVersion: 'v1',
    id: 'pinterest',
    displayName: 'Acme (fake platform)',
    oauth: {
      client: {
        id: 'acme-client',
        secret: settings.clientSecret,
        redirectUris: ['https://host.example/callback/acme'],
      },
      authorizeUrl: `${base}/oauth/authorize`,
      tokenUrl: flaws.plainHttpTokenUrl ? `http://${ACME_HOST}/oauth/token` : `${base}/oauth/token`,
      scopes: ['posts:write', 'posts:read'],
      clientAuth: 'basic',
    },
    capabilities,
    webhooks,
    social(ctx): SocialPublisher {
      const call = async <T>(run: () => Promise<T>): Promise<T> => {
        try {
          return await run();
        } catch (error) {
          if (!flaws.leaksTokenInErrors) throw error;
          throw new Error(`Acme call failed with token ${await ctx.credentials.getAccessToken()}`);
        }
      };
      return {
        validate: async (post) =>
          checkPostAgainstCapabilities(post, capabilities).filter(
            (issue) => !(flaws.skipsCaptionCheck && issue.field.startsWith('caption')),
          ),
        publish: (post, options) =>
          call(async () => {
            const response = await ctx.http.request({
              method: 'POST',
              url: `${base}/v1/posts`,
              json: { text: post.caption, idempotency_key: options.idempotencyKey },
              auth: ctx.credentials,
              responseSchema: PostCreated,
              signal: options.signal,
            });
            const id = response.data.data.id;
            return { status: 'published', platformPostId: id, url: `https://acme.test/p/${id}` };
          }),
        getPublishStatus: async (handle) => ({
          status: 'published',
          platformPostId: handle,
          url: `https://acme.test/p/${handle}`,
        }),
        findPublished: (query) =>
          call(async () => {
            const response = await ctx.http.request({
              url: `${base}/v1/posts`,
              searchParams: { since: query.since },
              auth: ctx.credentials,
              responseSchema: PostList,
            });
            return response.data.data.flatMap((post) => {
              const byKey =
                query.idempotencyKey !== undefined && post.idempotency_key === query.idempotencyKey;
              const byContent = query.post !== undefined && post.text === query.post.caption;
              if (!byKey && !byContent && !flaws.findsEverything) return [];
              return [
                {
                  platformPostId: post.id,
                  url: `https://acme.test/p/${post.id}`,
                  publishedAt: post.created_at,
                  matchedBy: byKey ? ('idempotencyKey' as const) : ('contentHash' as const),
                },
              ];
            });
          }),
        getPostMetrics: (ids) =>
          call(async () => {
            const response = await ctx.http.request({
              url: `${base}/v1/metrics`,
              searchParams: { ids: ids.join(',') },
              auth: ctx.credentials,
              responseSchema: MetricList,
            });
            if (flaws.dropsMetrics) return [];
            const collectedAt = new Date().toISOString();
            return response.data.data.map((m) => ({
              platformPostId: m.id,
              channel: 'pinterest' as const,
              collectedAt,
              impressions: m.views,
              likes: m.likes,
            }));
          }),
        getAccountInsights: async (range, options) => ({
          platform: 'pinterest',
          accountId: options.accountId,
          range,
          collectedAt: new Date().toISOString(),
          daily: [],
        }),
      };
    },
  };
}

/** Turns 429 into a generic, non-retryable error (the `hidesRateLimits` defect). */
const rateLimitHidingMapper: ErrorMapper = (context) =>
  context.status === 429
    ? new PlatformApiError({
        platform: context.platform,
        status: 429,
        retryable: false,
        message: 'Acme said no.',
      })
    : defaultErrorMapper(context);

/** The harness the Acme package would ship: starts the emulator and hands out contexts and signed webhooks. */
export function acmeHarness(flaws: AcmeFlaws = {}): PlatformConformanceHarness & {
  readonly adapter: PlatformAdapter;
} {
  const settings = {
    clientSecret: `acme-client-secret-${randomUUID()}`,
    webhookSecret: `acme-webhook-secret-${randomUUID()}`,
  };
  return {
    adapter: acmeAdapter(settings, flaws),
    async start() {
      const { emulator, issueToken } = createAcmeEmulator();
      const running = await emulator.listen();
      const accessToken = issueToken();
      return {
        emulator,
        secrets: [accessToken, settings.clientSecret, settings.webhookSecret],
        context: (options) =>
          createTestAdapterContext({
            platform: 'pinterest',
            accessToken: options?.accessToken ?? accessToken,
            accounts: [{ id: 'acme-account-1', kind: 'user', name: 'Acme Shop' }],
            http: {
              fetch: redirectFetch({ to: running.url, hosts: [ACME_HOST] }),
              retry: { maxAttempts: 3, maxTotalWaitMs: 5_000, baseDelayMs: 50 },
              ...(flaws.hidesRateLimits ? { mapError: rateLimitHidingMapper } : {}),
            },
          }),
        post: { channel: 'pinterest', kind: 'text', caption: 'Summer sale starts today' },
        signedWebhook() {
          const rawBody = Buffer.from(JSON.stringify({ event: 'post.published', id: '1000' }));
          const signature = createHmac('sha256', settings.webhookSecret).update(rawBody).digest('hex');
          return {
            method: 'POST',
            url: 'https://host.example/webhooks/acme',
            headers: { 'content-type': 'application/json', 'acme-signature': `sha256=${signature}` },
            rawBody,
          };
        },
        stop: running.close,
      };
    },
  };
}
