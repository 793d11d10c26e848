import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RepositoryDefinition } from '../../src/contracts/store';
import { ConfigError } from '../../src/errors/index';
import { fileStore } from '../../src/store/index';
import { runStoreConformance } from '../../src/testing/store-conformance';

let directory: string;
let counter = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'growthhub-file-store-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function freshPath(): string {
  counter += 1;
  return join(directory, `store-${counter}`, 'growthhub.data');
}

runStoreConformance('file store', () => fileStore(freshPath()));

const ItemSchema = z.strictObject({ id: z.string(), shop: z.string(), label: z.string() });
const items: RepositoryDefinition<z.infer<typeof ItemSchema>> = {
  name: 'items',
  schema: ItemSchema,
  idOf: (item) => item.id,
  tenantOf: (item) => item.shop,
};

describe('file store', () => {
  it('keeps records, values and their time to live across a restart', async () => {
    const path = freshPath();
    const first = fileStore(path);
    await first.repository(items).put({ id: 'i1', shop: 's1', label: 'kept' });
    await first.values.set('forever', 'value');
    await first.values.set('brief', 'value', 300);
    await first.values.set('deleted', 'value');
    await first.values.delete('deleted');
    await first.close();

    const second = fileStore(path);
    expect(await second.repository(items).get('i1')).toEqual({ id: 'i1', shop: 's1', label: 'kept' });
    expect((await second.repository(items).list('s1')).items).toHaveLength(1);
    expect(await second.values.get('forever')).toBe('value');
    expect(await second.values.get('brief')).toBe('value');
    expect(await second.values.get('deleted')).toBeUndefined();
    await second.close();

    await sleep(400);
    const third = fileStore(path);
    expect(await third.values.get('brief')).toBeUndefined();
    await third.close();
  });

  it('drops a torn last line left by a crash mid-write and keeps everything before it', async () => {
    const path = freshPath();
    const store = fileStore(path);
    await store.values.set('before-crash', 'safe');
    await store.close();
    await appendFile(path, '["s","growthhub:kv:half-writ');

    const reopened = fileStore(path);
    expect(await reopened.values.get('before-crash')).toBe('safe');
    await reopened.values.set('after-crash', 'also safe');
    await reopened.close();

    const again = fileStore(path);
    expect(await again.values.get('after-crash')).toBe('also safe');
    await again.close();
  });

  it('cuts a failed append (file size limit) back off the log, so later appends and a reopen still work', {
    timeout: 30_000,
  }, async () => {
    const path = freshPath();
    const worker = join(__dirname, 'fixtures', 'full-disk-worker.ts');
    // 8 blocks of 512 bytes: room for the small values, not for the 20 kB one.
    const report = JSON.parse(
      await runChild('/bin/sh', [
        '-c',
        `ulimit -f 8; exec "$0" --import tsx "$1" "$2"`,
        process.execPath,
        worker,
        path,
      ]),
    ) as { failure: string; sizeBefore: number; sizeAfterFailure: number; secondWrite: string };

    expect(report.failure).toBe('EFBIG');
    expect(report.sizeAfterFailure).toBe(report.sizeBefore);
    expect(report.secondWrite).toBe('ok');
    const reopened = fileStore(path);
    expect(await reopened.values.get('small-1')).toBe('kept');
    expect(await reopened.values.get('small-2')).toBe('kept too');
    expect(await reopened.values.get('big')).toBeUndefined();
    await reopened.close();
  });

  it('compacts the log so it holds only live data, without losing any', async () => {
    const path = freshPath();
    const store = fileStore(path, { fsync: false });
    for (let round = 0; round < 1_500; round += 1) await store.values.set('hot-key', round);
    await store.values.set('other', 'kept');
    await store.close();

    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(600);
    const reopened = fileStore(path);
    expect(await reopened.values.get('hot-key')).toBe(1_499);
    expect(await reopened.values.get('other')).toBe('kept');
    await reopened.close();
  });

  it('refuses a file that is not a Growth Hub store with a ConfigError', async () => {
    const path = join(directory, 'foreign.data');
    await writeFile(path, 'this is not a store\nnor is this\n');
    const store = fileStore(path);
    const error = await store.values.get('anything').catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    await store.close();
  });

  it('refuses a second open of the same file in one process with a ConfigError', async () => {
    const path = freshPath();
    const first = fileStore(path);
    await first.values.set('owner', 'first');
    const second = fileStore(path);
    const error = await second.values.get('owner').catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    await second.close();
    expect(await first.values.get('owner')).toBe('first');
    await first.close();
  });

  it('refuses a file another live process holds, and takes over one whose process died', async () => {
    const path = freshPath();
    const holder = spawn(process.execPath, ['-e', HOLD_LOCK_SCRIPT, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));

    const blocked = fileStore(path);
    const error = await blocked.values.get('x').catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toContain(`process ${holder.pid}`);
    await blocked.close();

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const takeover = fileStore(path);
    expect(await takeover.values.get('x')).toBeUndefined();
    await takeover.values.set('x', 'mine');
    await takeover.close();
  });

  it('fails with a ConfigError when no path is given', () => {
    expect(() => fileStore('')).toThrowError(/fileStore path/);
  });
});

// Stands in for another process that opened the store: it writes its pid to the lock file and waits.
const HOLD_LOCK_SCRIPT = `
const fs = require('node:fs');
const path = require('node:path');
const file = process.argv[1];
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file + '.lock', String(process.pid));
process.stdout.write('ready');
setInterval(() => {}, 1000);
`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a child process from the package root and resolves with its stdout once it exits with 0. */
function runChild(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} exited with ${code}: ${stderr.split('\n').slice(0, 3).join(' | ')}`));
    });
  });
}
