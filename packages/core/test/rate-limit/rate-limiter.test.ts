import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/index';
import { createHttpClient } from '../../src/http/index';
import { createRateLimiter } from '../../src/rate-limit/index';
import { recordingServersClosedAfterEach } from '../http/kernel-harness';
import { sendJson } from '../http/recording-server';

const startServer = recordingServersClosedAfterEach();

/** The largest number of timestamps that fall into any window of `windowMs` (sliding, half-open). */
function maxInAnyWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

const key = { platform: 'test', accountId: 'a1', bucket: 'api' };

describe('rate limiter', () => {
  it('a bucket of 10 calls per second never exceeds 10 in any one-second window under 200 queued calls', async () => {
    const server = await startServer((_req, _index, res) => sendJson(res, 200, { ok: true }));
    const rateLimiter = createRateLimiter({
      rules: [{ platform: 'test', bucket: 'api', limit: 10, intervalMs: 1_000 }],
    });
    const http = createHttpClient({ platform: 'test', baseUrl: server.url, rateLimiter });

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_unused, index) =>
        http.request({ url: `items/${index}`, rateLimit: key }),
      ),
    );

    expect(responses.every((response) => response.attempts === 1)).toBe(true);
    const arrivals = server.requests.map((request) => request.at);
    expect(arrivals).toHaveLength(200);
    expect(maxInAnyWindow(arrivals, 1_000)).toBeLessThanOrEqual(10);
    expect(maxInAnyWindow(arrivals, 1_000)).toBe(10);
  }, 60_000);

  it('pauseUntil holds every call of the bucket until the date, and only that bucket', async () => {
    const rateLimiter = createRateLimiter();
    const until = new Date(Date.now() + 600);
    rateLimiter.pauseUntil(key, until);

    const otherAccount = { ...key, accountId: 'a2' };
    const [pausedRanAt, otherRanAt] = await Promise.all([
      rateLimiter.schedule(key, async () => Date.now()),
      rateLimiter.schedule(otherAccount, async () => Date.now()),
    ]);

    expect(pausedRanAt).toBeGreaterThanOrEqual(until.getTime());
    expect(otherRanAt).toBeLessThan(until.getTime());
    expect(rateLimiter.inspect(key).pausedUntil).toBeUndefined();
  });

  it('usage at 95 % or more holds the bucket until the reported reset', async () => {
    const rateLimiter = createRateLimiter({ rules: [{ bucket: 'api', limit: 100, intervalMs: 60_000 }] });
    const resetAt = new Date(Date.now() + 500);

    rateLimiter.reportUsage(key, { usedPercent: 97, resetAt });
    const ranAt = await rateLimiter.schedule(key, async () => Date.now());

    expect(ranAt).toBeGreaterThanOrEqual(resetAt.getTime());
  });

  it('usage between 75 % and 95 % spreads the remaining calls over the window', async () => {
    const rateLimiter = createRateLimiter({ rules: [{ bucket: 'api', limit: 10, intervalMs: 60_000 }] });

    // 80 % used of 10 calls leaves 2 calls for the 600 ms until reset: one every 300 ms.
    rateLimiter.reportUsage(key, { usedPercent: 80, resetAt: new Date(Date.now() + 600) });
    expect(rateLimiter.inspect(key).spacingMs).toBeGreaterThanOrEqual(290);
    const startedAt = await Promise.all(
      [1, 2, 3].map(() => rateLimiter.schedule(key, async () => Date.now())),
    );

    const [first, second, third] = startedAt as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(280);
    expect(third - second).toBeGreaterThanOrEqual(280);
  });

  it('usage below 75 % runs at full speed again', () => {
    const rateLimiter = createRateLimiter({ rules: [{ bucket: 'api', limit: 10, intervalMs: 1_000 }] });
    rateLimiter.reportUsage(key, { usedPercent: 90 });
    expect(rateLimiter.inspect(key).spacingMs).toBeGreaterThan(0);

    rateLimiter.reportUsage(key, { usedPercent: 10 });

    expect(rateLimiter.inspect(key)).toEqual({ queued: 0, running: 0, spacingMs: 0 });
  });

  it('a platform-specific rule wins over a rule for the bucket name on every platform', async () => {
    const rateLimiter = createRateLimiter({
      rules: [
        { bucket: 'api', limit: 1, intervalMs: 60_000 },
        { platform: 'fast', bucket: 'api', limit: 100, intervalMs: 1_000 },
      ],
    });
    const fastKey = { platform: 'fast', accountId: 'a1', bucket: 'api' };

    const results = await Promise.all([1, 2, 3].map((n) => rateLimiter.schedule(fastKey, async () => n)));

    expect(results).toEqual([1, 2, 3]);
  });

  it('an aborted call leaves the queue with the signal reason', async () => {
    const rateLimiter = createRateLimiter();
    rateLimiter.pauseUntil(key, new Date(Date.now() + 10_000));
    const controller = new AbortController();
    const pending = rateLimiter.schedule(key, async () => 'ran', { signal: controller.signal });

    controller.abort(new Error('stop'));

    await expect(pending).rejects.toThrow('stop');
    expect(rateLimiter.inspect(key).queued).toBe(0);
  });

  it('rejects an invalid rule with a ConfigError naming the setting', () => {
    let caught: unknown;
    try {
      createRateLimiter({ rules: [{ bucket: 'api', limit: 0, intervalMs: 1_000 }] });
    } catch (error) {
      caught = error;
    }
    expect(ConfigError.isInstance(caught)).toBe(true);
    expect((caught as ConfigError).setting).toBe('rateLimit.rules[*/api].limit');
  });

  it('idle and paused buckets do not keep the process alive', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/idle-limiter-process.mts', import.meta.url));
    const packageDir = fileURLToPath(new URL('../..', import.meta.url));

    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', fixture],
        { cwd: packageDir, timeout: 15_000 },
        (error, stdout) => (error === null ? resolve(stdout) : reject(error)),
      );
    });

    expect(output.trim()).toBe('done');
  }, 20_000);
});
