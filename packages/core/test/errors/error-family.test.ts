import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AuthError,
  ConfigError,
  GrowthError,
  GuardrailError,
  PlatformApiError,
  QuotaExceededError,
  RateLimitError,
  ValidationError,
} from '../../src/errors/index';

describe('Growth Hub error family', () => {
  it('isInstance recognises errors from a second copy of the module, where instanceof fails', async () => {
    vi.resetModules();
    const secondCopy = await import('../../src/errors/index');
    expect(secondCopy.RateLimitError).not.toBe(RateLimitError);

    const foreign = new secondCopy.RateLimitError({ platform: 'x' });

    expect(foreign instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(PlatformApiError.isInstance(foreign)).toBe(true);
    expect(GrowthError.isInstance(foreign)).toBe(true);
    expect(AuthError.isInstance(foreign)).toBe(false);
  });

  it('isInstance follows the hierarchy and rejects look-alikes', () => {
    const rateLimit = new RateLimitError({ platform: 'x' });
    const apiError = new PlatformApiError({ platform: 'x', status: 500 });

    expect(RateLimitError.isInstance(apiError)).toBe(false);
    expect(PlatformApiError.isInstance(rateLimit)).toBe(true);
    expect(GrowthError.isInstance(new Error('plain'))).toBe(false);
    expect(GrowthError.isInstance({ code: 'rate_limited', name: 'RateLimitError' })).toBe(false);
    expect(GrowthError.isInstance(null)).toBe(false);
  });

  it('every class carries a stable code and its name', () => {
    const errors: [GrowthError, string, string][] = [
      [new PlatformApiError({ platform: 'meta', status: 500 }), 'PlatformApiError', 'platform_api_error'],
      [new RateLimitError({ platform: 'x' }), 'RateLimitError', 'rate_limited'],
      [new AuthError({ platform: 'x', connectionId: 'c1' }), 'AuthError', 'auth_failed'],
      [new ValidationError({ field: 'a', reason: 'b', fix: 'c' }), 'ValidationError', 'validation_failed'],
      [new QuotaExceededError({ quota: 'posts_per_day' }), 'QuotaExceededError', 'quota_exceeded'],
      [
        new GuardrailError({ rule: 'max_daily_budget', reason: 'too much' }),
        'GuardrailError',
        'guardrail_blocked',
      ],
      [new ConfigError({ setting: 's', reason: 'r', fix: 'f' }), 'ConfigError', 'config_invalid'],
    ];
    for (const [error, name, code] of errors) {
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error).toBeInstanceOf(Error);
      expect(error.toJSON()).toMatchObject({ name, code, message: error.message });
      expect(String(error)).toBe(`${name}: ${error.message}`);
    }
  });

  it('PlatformApiError defaults retryable from the status; RateLimitError is retryable with resetAt', () => {
    expect(new PlatformApiError({ platform: 'x', status: 503 }).retryable).toBe(true);
    expect(new PlatformApiError({ platform: 'x', status: 408 }).retryable).toBe(true);
    expect(new PlatformApiError({ platform: 'x', status: 400 }).retryable).toBe(false);
    expect(new PlatformApiError({ platform: 'x', status: 400, retryable: true }).retryable).toBe(true);
    const resetAt = new Date('2030-01-01T00:00:00Z');
    const rateLimit = new RateLimitError({ platform: 'x', resetAt, platformCode: 88, requestId: 'r1' });
    expect(rateLimit).toMatchObject({
      status: 429,
      retryable: true,
      resetAt,
      platformCode: 88,
      requestId: 'r1',
    });
    expect(rateLimit.toJSON()).toMatchObject({ resetAt: resetAt });
  });

  it('ValidationError names the field, the reason and the fix in its message', () => {
    const error = new ValidationError({
      field: 'post.caption',
      reason: 'is 312 weighted characters; X allows 280',
      fix: 'shorten the caption or split it into a thread',
    });

    expect(error.message).toBe(
      'Invalid post.caption: is 312 weighted characters; X allows 280. Fix: shorten the caption or split it into a thread.',
    );
    expect(error.issues).toEqual([
      { field: 'post.caption', reason: 'is 312 weighted characters; X allows 280' },
    ]);
  });

  it('ValidationError.fromZodError names the first failing field and keeps every issue', () => {
    const parsed = z
      .object({ budget: z.object({ amountMinor: z.number().int() }), name: z.string() })
      .safeParse({ budget: { amountMinor: 1.5 }, name: 3 });
    if (parsed.success) throw new Error('expected a failure');

    const error = ValidationError.fromZodError(parsed.error, {
      subject: 'campaign',
      fix: 'pass whole minor units',
    });

    expect(error.field).toBe('campaign.budget.amountMinor');
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'campaign.budget.amountMinor',
      'campaign.name',
    ]);
    expect(error.message).toContain('Fix: pass whole minor units.');
  });

  it('ConfigError and GuardrailError say what to do', () => {
    const config = new ConfigError({
      setting: 'x.clientId',
      reason: 'is missing',
      fix: 'pass the client id from the X portal',
    });
    const guardrail = new GuardrailError({
      rule: 'max_budget_change_percent',
      reason: 'raises the daily budget by 150 %; the limit is 50 %',
      requested: 150,
      allowed: 50,
    });

    expect(config.message).toBe(
      'Invalid setting x.clientId: is missing. Fix: pass the client id from the X portal.',
    );
    expect(guardrail.message).toContain('Blocked by guardrail max_budget_change_percent');
    expect(guardrail.toJSON()).toMatchObject({
      rule: 'max_budget_change_percent',
      requested: 150,
      allowed: 50,
    });
  });

  it('AuthError says whether the user must reconnect', () => {
    expect(new AuthError({ platform: 'meta' }).needsReconnect).toBe(true);
    expect(new AuthError({ platform: 'meta' }).message).toContain('Reconnect');
    expect(new AuthError({ platform: 'meta', needsReconnect: false }).needsReconnect).toBe(false);
  });

  it('sanitises a foreign cause chain into redacted plain shapes on construction', () => {
    const secret = 'EAABsecret0123456789';
    const foreign = Object.assign(new Error(`request failed: GET /me?access_token=${secret}`), {
      code: 'ERR_BAD_REQUEST',
      config: { headers: { Authorization: `Bearer ${secret}` } },
      cause: Object.assign(new Error('inner'), { response: { data: { access_token: secret } } }),
    });

    const error = new PlatformApiError({ platform: 'meta', status: 400, cause: foreign });

    expect(error.cause).not.toBe(foreign);
    expect(error.cause).not.toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({
      name: 'Error',
      code: 'ERR_BAD_REQUEST',
      message: 'request failed: GET /me?access_token=[REDACTED]',
    });
    for (const rendering of [
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      inspect(error.cause, { depth: 10 }),
    ]) {
      expect(rendering).not.toContain(secret);
    }
  });

  it('keeps a Growth Hub cause as it is', () => {
    const inner = new AuthError({ platform: 'x' });
    const outer = new PlatformApiError({ platform: 'x', status: 500, cause: inner });

    expect(outer.cause).toBe(inner);
    expect(outer.toJSON()).toMatchObject({ cause: { name: 'AuthError', code: 'auth_failed' } });
  });
});
