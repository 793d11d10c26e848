import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/contracts/store';
import { fileStore, memoryStore } from '../../src/store/index';
import { redisStore } from '../../src/store/redis/index';
import { connect, createEngine } from './support/engine-fixture';
import { type OAuthAuthority, startAuthority } from './support/oauth-authority';
import { metaCase, xCase } from './support/platform-specs';

const PAGE_TOKEN = 'EAAPageTokenSecret0123456789';
let xAuthority: OAuthAuthority;
let metaAuthority: OAuthAuthority;
let directory: string;

beforeAll(async () => {
  xAuthority = await startAuthority(xCase.rules);
  metaAuthority = await startAuthority(metaCase.rules);
  metaAuthority.emulator.route('GET', '/v25.0/me/accounts', () => ({
    json: { data: [{ id: 'page-9', name: 'Page', access_token: PAGE_TOKEN }] },
  }));
  directory = await mkdtemp(join(tmpdir(), 'growthhub-secrets-'));
});

afterAll(async () => {
  await xAuthority.close();
  await metaAuthority.close();
  await rm(directory, { recursive: true, force: true });
});

/** Connects X and Meta on `store`, refreshes X, and returns every secret that went through. */
async function connectAndRefresh(store: Store): Promise<string[]> {
  const engine = createEngine(
    [
      { id: 'x', oauth: xCase.spec(xAuthority.url) },
      { id: 'meta', oauth: metaCase.spec(metaAuthority.url) },
    ],
    { store },
  );
  const x = await connect(engine.manager, 'x');
  await connect(engine.manager, 'meta');
  engine.clock.advance(2 * 3_600_000);
  await engine.manager.getAccessToken(x.id);
  expect(xAuthority.counts.refresh).toBeGreaterThan(0);
  return [
    ...xAuthority.issued,
    ...metaAuthority.issued,
    PAGE_TOKEN,
    xCase.rules.clientSecret,
    metaCase.rules.clientSecret,
    engine.key,
  ];
}

async function dump(store: Store): Promise<string> {
  const lines: string[] = [];
  for await (const entry of store.entries()) lines.push(`${entry.key} ${JSON.stringify(entry.value)}`);
  expect(lines.length).toBeGreaterThan(5);
  return lines.join('\n');
}

function expectNoSecret(text: string, secrets: string[]): void {
  for (const secret of secrets)
    expect(text.includes(secret), `store holds a secret in plain text`).toBe(false);
}

describe('secrets at rest', () => {
  it('leaves no access token, refresh token, page token or client secret in a memory store dump', async () => {
    const store = memoryStore();
    const secrets = await connectAndRefresh(store);
    const text = await dump(store);
    expect(text).toContain('token-vault');
    expectNoSecret(text, secrets);
  });

  it('leaves none in the file store, neither in its dump nor anywhere in the file on disk', async () => {
    const path = join(directory, 'growthhub.data');
    const store = fileStore(path);
    const secrets = await connectAndRefresh(store);
    expectNoSecret(await dump(store), secrets);
    await store.close();
    expectNoSecret(await readFile(path, 'utf8'), secrets);
  });

  it.skipIf(!process.env.REDIS_URL)(
    `leaves none in the Redis server's keys${process.env.REDIS_URL ? '' : ' (skipped: set REDIS_URL to run)'}`,
    async () => {
      const namespace = `growthhub-test-${randomBytes(6).toString('hex')}`;
      const store = redisStore(process.env.REDIS_URL as string, { namespace });
      try {
        const secrets = await connectAndRefresh(store);
        expectNoSecret(await dump(store), secrets);
      } finally {
        const { createClient } = await import('@keyv/redis');
        const client = createClient({ url: process.env.REDIS_URL });
        await client.connect();
        for await (const batch of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) {
          if (batch.length > 0) await client.del(batch);
        }
        await client.destroy();
        await store.close();
      }
    },
  );
});
