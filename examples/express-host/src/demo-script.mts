// `pnpm demo:script`: the whole flow, headless, over the host's HTTP API:
// connect X → plan 7 days → approve → publish → analytics. Exits 0 when a post was published.
//
// With GROWTHHUB_URL and GROWTHHUB_API_KEY it drives a host that is already running (sandbox mode);
// otherwise it starts one itself on a throwaway data directory and stops it at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickConsent } from '@growthhub/platform-x/testing';
import { type HostApp, startHostApp } from './host-app';

const step = (text: string) => console.log(`\n▸ ${text}`);
const info = (text: string) => console.log(`  ${text}`);

let host: HostApp | undefined;
let dataDir: string | undefined;
let baseUrl = process.env.GROWTHHUB_URL?.replace(/\/+$/, '');
let apiKey = process.env.GROWTHHUB_API_KEY;
if (baseUrl === undefined || apiKey === undefined) {
  dataDir = await mkdtemp(join(tmpdir(), 'growthhub-demo-'));
  host = await startHostApp({ port: 0, dataDir });
  baseUrl = host.url;
  apiKey = host.apiKeys.kiln as string;
  info(`Started a sandbox host at ${baseUrl} (data in ${dataDir})`);
}

/** One API call; a problem+json answer stops the script with its code and detail. */
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const payload = (await response.json()) as T & { code?: string; detail?: string };
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status} ${payload.code}: ${payload.detail}`);
  return payload;
}

interface Post {
  id: string;
  channel: string;
  status: string;
  caption: string;
  hashtags: string[];
  scheduledAt: string;
  url?: string;
  attempts: { attempt: number; outcome: string }[];
}

try {
  step('Health');
  const health = await api<{ status: string; mode: string; store: string }>('GET', '/api/health');
  info(`${health.status}: ${health.mode} mode, ${health.store} store`);

  step('Connect X (the emulator’s consent page, clicked over HTTP)');
  const { url: consentUrl } = await api<{ url: string }>('POST', '/api/connections/x/start', {});
  const consent = await clickConsent(consentUrl);
  const callback = await fetch(consent.location, { headers: { accept: 'application/json' } });
  const connection = (await callback.json()) as { id: string; status: string; accounts: { name: string }[] };
  if (!callback.ok)
    throw new Error(`The connect callback answered ${callback.status}: ${JSON.stringify(connection)}`);
  info(
    `${connection.status} as ${connection.accounts.map((account) => account.name).join(', ')} (${connection.id})`,
  );

  step('Plan 7 days, 2 posts a day');
  const plan = await api<{ posts: Post[]; llmCalls: number; calendar: { id: string } }>(
    'POST',
    '/api/calendars',
    {
      days: 7,
      postsPerDay: 2,
    },
  );
  info(
    `${plan.posts.length} draft posts in calendar ${plan.calendar.id}, written in ${plan.llmCalls} model calls:`,
  );
  for (const post of plan.posts.slice(0, 3)) {
    info(`  ${post.scheduledAt}  [${post.channel}] ${post.caption.slice(0, 70)}…`);
  }

  step('Approve them all');
  const approved = await api<{ items: Post[] }>('POST', '/api/posts/approve', {
    postIds: plan.posts.map((post) => post.id),
  });
  info(`${approved.items.length} posts scheduled at their best local times`);

  step('Publish the first one now');
  // The earliest post: every other one is at least the engine's 60-minute gap after it.
  const first = [...approved.items].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0] as Post;
  const published = await api<Post>('POST', `/api/posts/${first.id}/publish?wait=20`, {});
  info(`${published.status}: ${published.url ?? '(no URL yet)'}`);
  for (const attempt of published.attempts) info(`  attempt ${attempt.attempt}: ${attempt.outcome}`);
  if (published.status !== 'published') throw new Error(`The post ended ${published.status}`);

  step('Analytics (sync from X, then read)');
  await new Promise((resolve) => setTimeout(resolve, 3000)); // Let the sandbox audience see the post.
  const synced = await api<Record<string, unknown>>('POST', '/api/analytics/sync', {});
  info(`synced: ${JSON.stringify(synced)}`);
  const analytics = await api<{ overview: Record<string, number | undefined> }>(
    'GET',
    '/api/analytics?days=7',
  );
  const { posts, impressions, engagement, followers } = analytics.overview;
  info(
    `posts ${posts}, impressions ${impressions ?? 0}, engagement ${engagement}, followers ${followers ?? '—'}`,
  );

  console.log('\n✔ connect → plan → approve → publish → analytics: done\n');
} catch (error) {
  console.error(`\n✘ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await host?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
}
