import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileStore, type Store } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { clickConsent, createXEmulator, type XEmulator } from '@growthhub/platform-x/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryCatalog } from '../../src/catalog/index';
import { createGrowthEngine, type GrowthEngine } from '../../src/engine/index';
import { socialPostRepository } from '../../src/social/index';
import { KILN_STORE_ID, kilnCatalogData } from '../social/support/kiln-catalog';
import { type MediaHost, startMediaHost } from '../social/support/media-host';

const REDIRECT_URI = 'http://localhost:3000/callback/x';
const here = fileURLToPath(new URL('.', import.meta.url));

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('crash recovery', () => {
  it('leaves exactly one post on X and the post published when the worker is SIGKILLed mid-publish', async () => {
    const emulator = createXEmulator();
    await emulator.listen();
    cleanup.push(() => emulator.close());
    const media = await startMediaHost();
    cleanup.push(() => media.close());
    const proxy = await startKillingProxy(emulator);
    cleanup.push(() => proxy.close());
    const directory = mkdtempSync(join(tmpdir(), 'growthhub-crash-'));
    cleanup.push(() => rmSync(directory, { recursive: true, force: true }));
    const storePath = join(directory, 'growthhub.data');
    const encryptionKey = randomBytes(32).toString('base64');

    // 1. Set up in this process: connect X, plan one post, approve it for two seconds from now.
    let store: Store = fileStore(storePath);
    let engine = buildEngine(store, encryptionKey, proxy.url, media);
    const { url } = await engine.connections.begin({
      platform: 'x',
      storeId: KILN_STORE_ID,
      userId: 'owner',
      redirectUri: REDIRECT_URI,
    });
    const consent = await clickConsent(url);
    await engine.connections.complete({ platform: 'x', code: consent.code!, state: consent.state! });
    const plan = await engine.social.planCalendar({ storeId: KILN_STORE_ID, days: 1, postsPerDay: 1 });
    const postId = plan.posts[0]!.id;
    await engine.social.approve([postId]);
    await engine.social.reschedule(postId, new Date(Date.now() + 2_000));
    await store.close();

    // 2. A worker process picks the job up; the proxy lets X create the post, then SIGKILLs the worker.
    const worker = spawnWorker({
      STORE_PATH: storePath,
      ENCRYPTION_KEY: encryptionKey,
      X_BASE_URL: proxy.url,
      MEDIA_BASE_URL: media.url,
    });
    cleanup.push(() => void worker.kill('SIGKILL'));
    proxy.armKill(worker);
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      worker.once('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');
    expect(proxy.killed).toBe(true);
    expect(emulator.posts()).toHaveLength(1);

    store = fileStore(storePath);
    const stranded = await store.repository(socialPostRepository).get(postId);
    expect(stranded?.status).toBe('publishing');
    expect(stranded?.attempts.at(-1)?.outcome).toBe('unknown');

    // 3. Restart: the job is taken over, reconciled with findPublished, and nothing is sent again.
    engine = buildEngine(store, encryptionKey, proxy.url, media, 'worker-1');
    const published = engine.events.next('post.published');
    await engine.start();
    cleanup.push(async () => {
      await engine.stop();
      await store.close();
    });
    const event = await published;
    expect(event.postId).toBe(postId);

    const post = await engine.social.getPost(postId);
    expect(post.status).toBe('published');
    expect(emulator.posts()).toHaveLength(1);
    expect(post.platformPostId).toBe(emulator.posts()[0]!.id);
    expect(post.attempts).toHaveLength(1);
    expect(post.attempts[0]?.outcome).toBe('succeeded');
    const creates = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');
    expect(creates).toHaveLength(1);
  }, 60_000);
});

function buildEngine(
  store: Store,
  key: string,
  baseUrl: string,
  media: MediaHost,
  instanceId?: string,
): GrowthEngine {
  return createGrowthEngine({
    platforms: [
      x({
        clientId: 'growthhub-x-client',
        clientSecret: 'growthhub-x-secret',
        redirectUri: REDIRECT_URI,
        baseUrl,
        allowPrivateMediaHosts: true,
      }),
    ],
    store,
    encryptionKeys: [key],
    catalog: inMemoryCatalog(kilnCatalogData({ mediaBaseUrl: media.url, withVideo: false })),
    mode: 'approval',
    ...(instanceId === undefined ? {} : { instanceId }),
  });
}

function spawnWorker(env: Record<string, string>): ChildProcess {
  // The TypeScript loader runs inside the worker process itself, so the SIGKILL hits the process
  // that holds the store (the tsx CLI would run the script in a grandchild).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const loader = pathToFileURL(join(tsxRoot, 'dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(here, 'support/publish-worker.ts')], {
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: join(here, 'support/tsconfig.child.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  child.once('exit', (code) => {
    if (code !== null && code !== 0) console.error(`worker exited with ${code}:\n${output}`);
  });
  return child;
}

/**
 * A proxy in front of the emulator. Once armed, it forwards `POST /2/tweets` to X, waits for X's
 * answer (the post exists), then SIGKILLs the worker before the answer reaches it.
 */
async function startKillingProxy(emulator: XEmulator) {
  let target: ChildProcess | undefined;
  let killed = false;
  const upstream = new URL(emulator.url);
  const server: Server = createServer((req, res) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (target !== undefined && req.method === 'POST' && req.url?.startsWith('/2/tweets')) {
            const victim = target;
            target = undefined;
            victim.once('exit', () => res.destroy());
            killed = victim.kill('SIGKILL');
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    armKill(child: ChildProcess) {
      target = child;
    },
    get killed() {
      return killed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
