/**
 * Calendar benchmark: our planner against a faithful re-implementation of the seed's per-post
 * algorithm, both talking to the same local OpenAI-compatible server that answers after 500 ms.
 *
 * Work: 30 days × 2 posts × 5 channels (X through the real X adapter's rules; Instagram, Facebook,
 * TikTok and Pinterest through stand-in adapters with those channels' real caption limits from
 * `CAPTION_LIMITS` and typical media rules, since their adapters are not built yet).
 *
 * Run: `pnpm run build && pnpm --filter @growthhub/bench run social-calendar` (writes calendar-results.json).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createGrowthEngine, inMemoryCatalog, manualClock, openaiModel } from '@growthhub/agents';
import { memoryStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { KILN_STORE_ID, kilnCatalogData } from '../../packages/agents/test/social/support/kiln-catalog.ts';
import {
  seedFiveChannelConnections,
  standInAdapter,
} from '../../packages/agents/test/social/support/stand-in-platforms.ts';
import { startLlmServer } from './llm-server.mts';
import { seedPlanCalendar } from './seed-planner.mts';

const DAYS = 30;
const POSTS_PER_DAY = 2;
const CHANNELS = ['x', 'instagram', 'facebook', 'tiktok', 'pinterest'];
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 500);

const server = await startLlmServer(LATENCY_MS);
const llm = openaiModel({ model: 'bench-model', apiKey: 'sk-bench', baseURL: server.baseURL, maxRetries: 0 });

// Ours.
const store = memoryStore();
const keys = [randomBytes(32).toString('base64')];
await seedFiveChannelConnections(store, keys, KILN_STORE_ID);
const catalogData = kilnCatalogData();
const engine = createGrowthEngine({
  platforms: [
    x({ clientId: 'bench', clientSecret: 'bench', redirectUri: 'http://localhost:3000/callback/x' }),
    standInAdapter('meta'),
    standInAdapter('tiktok'),
    standInAdapter('google'),
    standInAdapter('pinterest'),
  ],
  store,
  encryptionKeys: keys,
  catalog: inMemoryCatalog(catalogData),
  llm,
  clock: manualClock('2026-03-02T07:00:00Z'),
});
server.reset();
const oursStarted = performance.now();
const plan = await engine.social.planCalendar({
  storeId: KILN_STORE_ID,
  days: DAYS,
  postsPerDay: POSTS_PER_DAY,
  channels: CHANNELS,
});
const oursWallMs = performance.now() - oursStarted;
const oursServer = server.stats();

// The seed.
server.reset();
const seedStarted = performance.now();
const seed = await seedPlanCalendar(llm, {
  storeName: 'Kiln & Co',
  niche: 'handmade ceramic homeware',
  products: catalogData.products ?? [],
  days: DAYS,
  postsPerDay: POSTS_PER_DAY,
  platforms: CHANNELS,
});
const seedWallMs = performance.now() - seedStarted;
const seedServer = server.stats();
await server.close();

const results = {
  work: `${DAYS} days × ${POSTS_PER_DAY} posts × ${CHANNELS.length} channels (${CHANNELS.join(', ')})`,
  latencyMs: LATENCY_MS,
  ours: {
    calls: oursServer.calls,
    inputTokens: oursServer.inputTokens,
    outputTokens: oursServer.outputTokens,
    wallMs: Math.round(oursWallMs),
    maxConcurrentCalls: oursServer.maxConcurrent,
    postsWritten: plan.posts.length,
    ideasSkippedOnAChannel: plan.skipped.length,
    postsWithIssues: plan.issues.length,
  },
  seed: {
    calls: seedServer.calls,
    inputTokens: seedServer.inputTokens,
    outputTokens: seedServer.outputTokens,
    wallMs: Math.round(seedWallMs),
    maxConcurrentCalls: seedServer.maxConcurrent,
    postsWritten: seed.posts.length,
  },
  ratios: {
    calls: round(seedServer.calls / oursServer.calls),
    totalTokens: round(
      (seedServer.inputTokens + seedServer.outputTokens) / (oursServer.inputTokens + oursServer.outputTokens),
    ),
    wall: round(seedWallMs / oursWallMs),
  },
  targets: { callsAtMost8: oursServer.calls <= 8, wallAtMost3s: oursWallMs <= 3000 },
};
writeFileSync(new URL('./calendar-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
