import { RateLimitError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectedAccount, connectedAccount } from '../connected-account';

let account: ConnectedAccount | undefined;

afterEach(async () => {
  await account?.close();
  account = undefined;
});

describe('X rate limits', () => {
  it('waits for x-rate-limit-reset after a 429 on POST /2/tweets, then publishes once', async () => {
    account = await connectedAccount({
      emulator: { rateLimits: { 'POST /2/tweets': { perUser: { limit: 2, windowMs: 2000 } } } },
    });
    await account.publish(account.post());
    await account.publish(account.post());
    const third = account.post();
    const result = await account.publish(third);
    const tweets = account.emulator.requests.filter((request) => request.path === '/2/tweets');
    expect(tweets.map((request) => request.status)).toEqual([201, 201, 429, 201]);
    const windowStart = tweets[0]?.time.getTime() ?? 0;
    const retriedAt = tweets[3]?.time.getTime() ?? 0;
    // x-rate-limit-reset is the window's end in epoch seconds; the retry came no sooner.
    expect(retriedAt).toBeGreaterThanOrEqual(windowStart + 2000);
    expect(account.emulator.posts().filter((post) => post.id === result.platformPostId)).toHaveLength(1);
    expect(account.emulator.posts()).toHaveLength(3);
  });

  it('surfaces a 429 whose reset is too far away as RateLimitError with resetAt', async () => {
    account = await connectedAccount();
    account.emulator.faults.enqueue({
      kind: 'rateLimit',
      retryAfterSeconds: 900,
      match: { path: '/2/tweets' },
    });
    const before = Date.now();
    const error = await account.publisher
      .publish(account.post(), { idempotencyKey: 'late' })
      .catch((thrown) => thrown);
    expect(RateLimitError.isInstance(error)).toBe(true);
    const resetAt = (error as RateLimitError).resetAt?.getTime() ?? 0;
    expect(resetAt).toBeGreaterThanOrEqual(before + 899_000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 901_000);
    expect(account.emulator.posts()).toHaveLength(0);
  });

  it('sends x-rate-limit-* headers on every answer, with the reset in epoch seconds', async () => {
    account = await connectedAccount();
    const response = await fetch(`${account.emulator.url}/2/users/me`, {
      headers: { authorization: `Bearer ${account.accessToken}` },
    });
    expect(response.headers.get('x-rate-limit-limit')).toBe('75');
    expect(response.headers.get('x-rate-limit-remaining')).toBe('74');
    const reset = Number(response.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 14 * 60);
    expect(reset).toBeLessThan(Date.now() / 1000 + 16 * 60);
  });
});
