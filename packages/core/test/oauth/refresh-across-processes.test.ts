import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisStore } from '../../src/store/redis/index';
import { connect, createEngine } from './support/engine-fixture';
import { startAuthority } from './support/oauth-authority';
import { xCase } from './support/platform-specs';

const redisUrl = process.env.REDIS_URL;
const namespace = `growthhub-test-${randomBytes(6).toString('hex')}`;
const packageRoot = join(__dirname, '..', '..');

describe.skipIf(!redisUrl)(
  `token refresh across processes on the Redis store${redisUrl ? '' : ' (skipped: set REDIS_URL to run)'}`,
  () => {
    afterAll(async () => {
      const client = createClient({ url: redisUrl });
      await client.connect();
      for await (const batch of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) {
        if (batch.length > 0) await client.del(batch);
      }
      await client.destroy();
    });

    it('lets exactly one of two Node processes refresh an expired token; both get the new token', {
      timeout: 60_000,
    }, async () => {
      const authority = await startAuthority(xCase.rules);
      const store = redisStore(redisUrl as string, { namespace });
      try {
        const engine = createEngine([{ id: 'x', oauth: xCase.spec(authority.url) }], { store });
        const connection = await connect(engine.manager, 'x');
        const tokens = await engine.vault.read(connection.id);
        // Expire the token in real time, since the workers use the real clock.
        await engine.vault.save(
          { connectionId: connection.id, storeId: connection.storeId },
          {
            ...(tokens as NonNullable<typeof tokens>),
            expiresAt: new Date(Date.now() - 60_000).toISOString(),
          },
        );
        authority.refreshDelayMs = 300;
        const args = [redisUrl as string, namespace, engine.key, authority.url, connection.id];
        const workers = [startWorker(args), startWorker(args)];
        await Promise.all(workers.map((worker) => worker.ready));
        for (const worker of workers) worker.go();

        const results = await Promise.all(workers.map((worker) => worker.result));

        expect(authority.counts.refresh).toBe(1);
        expect(results[0]?.pid).not.toBe(results[1]?.pid);
        const seen = new Set(results.flatMap((result) => result.tokens));
        expect(seen.size).toBe(1);
        expect(await engine.manager.getAccessToken(connection.id)).toBe([...seen][0]);
      } finally {
        await store.close();
        await authority.close();
      }
    });
  },
);

interface Worker {
  ready: Promise<void>;
  go(): void;
  result: Promise<{ pid: number; tokens: string[] }>;
}

function startWorker(args: string[]): Worker {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'refresh-worker.ts'), ...args],
    {
      cwd: packageRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const result = new Promise<{ pid: number; tokens: string[] }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      markReady();
      if (code === 0)
        resolve(JSON.parse(stdout.slice(stdout.indexOf('ready\n') + 6)) as { pid: number; tokens: string[] });
      else
        reject(
          new Error(`refresh worker exited with ${code}: ${stderr.split('\n').slice(0, 3).join(' | ')}`),
        );
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), result };
}
