/**
 * Publishing benchmark: 1,000 posts due at the same moment over 50 X accounts (20 each), published
 * by the engine's job runner against the X emulator with X's real rate limits (POST /2/tweets: 100
 * per user per 15 minutes, 10,000 per app per 24 hours). Text posts, so every request is a post.
 *
 * Reports: throughput against what the limits allow, rate-limit errors surfaced (429s the emulator
 * sent, and posts that failed or were delayed for a rate limit), duplicates on the platform, and
 * scheduling lateness (slot → publish started, slot → published) p50/p99 for posts that were not
 * rate-limited.
 *
 * The emulator runs in a child process (a real platform does not share our event loop either).
 *
 * `SCENARIO=tight` shrinks the limit to 5 posts per user per 10 s (emulator and adapter alike) to
 * watch the pacing when the limit binds.
 *
 * Run: `pnpm run build && pnpm --filter @growthhub/bench run social-publishing` (writes publishing-results.json).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGrowthEngine, type InMemoryCatalogData, inMemoryCatalog } from '@growthhub/agents';
import { memoryStore, type PlatformAdapter } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { clickConsent } from '@growthhub/platform-x/testing';
import { kilnCatalogData } from '../../packages/agents/test/social/support/kiln-catalog.ts';

const ACCOUNTS = 50;
const POSTS_PER_ACCOUNT = 20;
const tight = process.env.SCENARIO === 'tight';
const LIMIT = tight ? { limit: 5, windowMs: 10_000 } : { limit: 100, windowMs: 15 * 60_000 };
const REDIRECT_URI = 'http://localhost:3000/callback/x';

const platformProcess = startPlatformProcess();
const { url: emulatorUrl } = (await platformProcess.call({ type: 'start', tight })) as { url: string };
const users = ((await platformProcess.call({ type: 'addUsers', count: ACCOUNTS })) as string[]).map((id) => ({
  id,
}));

const base = kilnCatalogData();
const catalog: InMemoryCatalogData = {
  stores: users.map((_, index) => ({ ...base.stores[0]!, id: `store-${index}`, name: `Shop ${index}` })),
  products: users.flatMap((_, index) =>
    (base.products ?? []).map((product) => ({ ...product, storeId: `store-${index}` })),
  ),
  media: [],
};
const adapter = x({
  clientId: 'growthhub-x-client',
  clientSecret: 'growthhub-x-secret',
  redirectUri: REDIRECT_URI,
  baseUrl: emulatorUrl,
});
const platform: PlatformAdapter = tight
  ? {
      ...adapter,
      capabilities: {
        ...adapter.capabilities,
        rateLimits: [{ platform: 'x', bucket: 'tweets:create', ...LIMIT, intervalMs: LIMIT.windowMs }],
      },
    }
  : adapter;
const engine = createGrowthEngine({
  platforms: [platform],
  store: memoryStore(),
  encryptionKeys: [randomBytes(32).toString('base64')],
  catalog: inMemoryCatalog(catalog),
  mode: 'autopilot',
  social: { minGapMinutes: 0 },
});

// Connect the 50 accounts and plan 20 posts for each.
const postIds: string[] = [];
for (const [index, user] of users.entries()) {
  const storeId = `store-${index}`;
  const { url } = await engine.connections.begin({
    platform: 'x',
    storeId,
    userId: 'owner',
    redirectUri: REDIRECT_URI,
  });
  const consent = await clickConsent(url, { userId: user.id });
  await engine.connections.complete({ platform: 'x', code: consent.code!, state: consent.state! });
  const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const plan = await engine.social.planCalendar({
    storeId,
    days: POSTS_PER_ACCOUNT / 2,
    postsPerDay: 2,
    startDate,
  });
  postIds.push(...plan.posts.map((post) => post.id));
}

// Everything due at the same moment; the runner is already running and fires at the slot.
await engine.start();
const slot = new Date(Date.now() + Number(process.env.SETUP_MS ?? 20_000));
for (const id of postIds) await engine.social.reschedule(id, slot);
const setupSpareMs = slot.getTime() - Date.now();
if (setupSpareMs <= 0) throw new Error('Rescheduling took longer than SETUP_MS; raise it.');
await platformProcess.call({ type: 'reset' });

const started = new Map<string, number>();
const published = new Map<string, number>();
const delayed = new Set<string>();
const failed: string[] = [];
engine.events.on('post.publishing', (event) => {
  if (!started.has(event.postId)) started.set(event.postId, Date.now());
});
engine.events.on('post.published', (event) => published.set(event.postId, Date.now()));
engine.events.on('post.failed', (event) => {
  if (event.retryable) delayed.add(event.postId);
  else failed.push(`${event.postId}: ${event.error.code}`);
});
await new Promise((resolve) => setTimeout(resolve, Math.max(0, slot.getTime() - Date.now())));
const cpuBefore = process.cpuUsage();
const deadline = slot.getTime() + (tight ? 120_000 : 60_000);
while (published.size + failed.length < postIds.length && Date.now() < deadline) await sleep(50);
const finished = Date.now();
const cpu = process.cpuUsage(cpuBefore);
await engine.stop();

const report = (await platformProcess.call({ type: 'report' })) as {
  posts: Array<{ authorId: string; text: string }>;
  throttled: number;
};
const onX = report.posts;
const texts = new Map<string, number>();
for (const post of onX)
  texts.set(`${post.authorId}|${post.text}`, (texts.get(`${post.authorId}|${post.text}`) ?? 0) + 1);
const duplicates = [...texts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
const throttled = report.throttled;
const calm = postIds.filter((id) => !delayed.has(id) && published.has(id));
const startLateness = calm.map((id) => (started.get(id) ?? 0) - slot.getTime()).sort((a, b) => a - b);
const publishLateness = calm.map((id) => (published.get(id) ?? 0) - slot.getTime()).sort((a, b) => a - b);
const spanMs = Math.max(...published.values()) - slot.getTime();
// What the limits allow: per account `limit` posts per window, so posts beyond it wait whole windows.
const windowsNeeded = Math.ceil(POSTS_PER_ACCOUNT / LIMIT.limit) - 1;
const minimumSpanMs = windowsNeeded * LIMIT.windowMs;
const allowedInFirstWindow = ACCOUNTS * Math.min(POSTS_PER_ACCOUNT, LIMIT.limit);
const publishedInFirstWindow = [...published.values()].filter(
  (time) => time - slot.getTime() < LIMIT.windowMs,
).length;

const results = {
  scenario: tight
    ? 'tight: 5 posts per user per 10 s'
    : "X's real limits: 100 posts per user per 15 min, 10,000 per app per 24 h",
  posts: postIds.length,
  accounts: ACCOUNTS,
  published: published.size,
  failed,
  onPlatform: onX.length,
  duplicatesOnPlatform: duplicates,
  rateLimitErrorsFromPlatform: throttled,
  postsDelayedByRateLimit: delayed.size,
  throughput: {
    postsPerSecond: round(published.size / Math.max(spanMs / 1000, 0.001)),
    spanMs,
    allowed: tight
      ? {
          minimumSpanMs,
          percentOfAllowedRate: round((100 * Math.max(minimumSpanMs, 1)) / Math.max(spanMs, 1)),
        }
      : {
          allowedInFirstWindow,
          publishedInFirstWindow,
          percentOfAllowed: round((100 * publishedInFirstWindow) / allowedInFirstWindow),
        },
  },
  latenessMs: {
    notRateLimited: calm.length,
    start: { p50: percentile(startLateness, 0.5), p99: percentile(startLateness, 0.99) },
    published: { p50: percentile(publishLateness, 0.5), p99: percentile(publishLateness, 0.99) },
  },
  wallMs: finished - slot.getTime(),
  /** CPU time the engine's process used while publishing (the emulator runs in another process). */
  engineCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  setupSpareMs,
};
await platformProcess.call({ type: 'close' });
const file = tight ? './publishing-results-tight.json' : './publishing-results.json';
writeFileSync(new URL(file, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));

/** Forks the X emulator process and calls it over IPC. */
function startPlatformProcess() {
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'x-platform-process.mts'), {
    execArgv: ['--import', pathToFileURL(join(tsxRoot, 'dist/loader.mjs')).href],
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  child.on('message', (message: { id: number; result: unknown }) => {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    call(message: Record<string, unknown>): Promise<unknown> {
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ ...message, id });
      });
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
