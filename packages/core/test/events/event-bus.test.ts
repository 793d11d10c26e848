import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createEventBus,
  type GrowthEventPayload,
  type GrowthEvents,
  type PostPublishedEvent,
} from '../../src/events/index';

const base = { at: '2026-11-26T09:00:00Z', storeId: 'store_1' };

describe('event bus', () => {
  it('delivers typed payloads to listeners', () => {
    const bus = createEventBus();
    const received: PostPublishedEvent[] = [];
    bus.on('post.published', (event) => {
      expectTypeOf(event).toEqualTypeOf<PostPublishedEvent>();
      received.push(event);
    });
    const delivered = bus.emit('post.published', {
      ...base,
      postId: 'post_1',
      channel: 'x',
      platformPostId: '1850',
      url: 'https://x.com/i/status/1850',
    });
    expect(delivered).toBe(true);
    expect(received).toEqual([
      { ...base, postId: 'post_1', channel: 'x', platformPostId: '1850', url: 'https://x.com/i/status/1850' },
    ]);
  });

  it('resolves next() with the next payload of one event only', async () => {
    const bus = createEventBus();
    const next = bus.next('guardrail.blocked');
    bus.emit('approval.requested', {
      ...base,
      approvalId: 'a1',
      kind: 'post',
      subjectId: 'p1',
      summary: 'Post to X',
    });
    bus.emit('guardrail.blocked', {
      ...base,
      rule: 'max_daily_budget',
      reason: 'over cap',
      subject: { kind: 'campaign', id: 'c1' },
      requested: { amountMinor: 50000, currency: 'USD' },
      allowed: { amountMinor: 20000, currency: 'USD' },
    });
    await expect(next).resolves.toMatchObject({ rule: 'max_daily_budget', allowed: { amountMinor: 20000 } });
  });

  it('keeps buses independent (no global state)', () => {
    const first = createEventBus();
    const second = createEventBus();
    let calls = 0;
    first.on('connection.revoked', () => {
      calls += 1;
    });
    second.emit('connection.revoked', { ...base, connectionId: 'c1', platform: 'x' });
    expect(calls).toBe(0);
  });

  it('redacts a token that slipped into an error message before listeners see it', () => {
    const bus = createEventBus();
    let message = '';
    bus.on('post.failed', (event) => {
      message = event.error.message;
    });
    bus.emit('post.failed', {
      ...base,
      postId: 'p1',
      channel: 'facebook',
      attempt: 1,
      retryable: false,
      error: { code: '190', message: 'GET /me?access_token=EAABsecretvalue123 failed' },
    });
    expect(message).not.toContain('EAABsecretvalue123');
    expect(message).toContain('[REDACTED]');
  });

  it('has no token, secret or password field in any payload type', () => {
    type PayloadKeys = { [NAME in keyof GrowthEvents]: keyof GrowthEventPayload<NAME> }[keyof GrowthEvents];
    type SecretLike = Extract<
      PayloadKeys,
      `${string}${'token' | 'Token' | 'secret' | 'Secret' | 'password' | 'Password' | 'authorization'}${string}`
    >;
    expectTypeOf<SecretLike>().toBeNever();
    expectTypeOf<GrowthEventPayload<'connection.connected'>>().toHaveProperty('storeId');
  });
});
