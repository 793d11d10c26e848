import { AuthError, PlatformApiError, QuotaExceededError, RateLimitError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { mapXError } from '../../src/index';
import { type ConnectedAccount, connectedAccount } from '../connected-account';

let account: ConnectedAccount | undefined;

afterEach(async () => {
  await account?.close();
  account = undefined;
});

describe('X errors become typed errors', () => {
  it('turns a duplicate post into x_post_refused: X did not act, and a reconnect would not help', async () => {
    account = await connectedAccount();
    await account.publish(account.post({ caption: 'Exactly this' }));
    const error = await account.publisher
      .publish(account.post({ caption: 'Exactly this' }), { idempotencyKey: 'dup' })
      .catch((thrown) => thrown);
    expect(PlatformApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'x_post_refused',
      status: 403,
      retryable: false,
      platformDidNotAct: true,
    });
    expect((error as Error).message).toContain('duplicate content');
    expect((error as PlatformApiError).requestId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses to post without a request when the connection lacks tweet.write', async () => {
    account = await connectedAccount();
    const readOnly = account.adapter.social({
      ...account.context,
      connection: { ...account.context.connection, scopes: ['tweet.read', 'users.read'] },
    });
    const sent = account.mark();
    const error = await readOnly.publish(account.post(), { idempotencyKey: 'ro' }).catch((thrown) => thrown);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'x_missing_scope', needsReconnect: false });
    expect(sent()).toEqual([]);
  });

  it('maps problem types and error codes, never message text', () => {
    const request = { method: 'GET' as const, url: 'https://api.x.com/2/tweets' };
    const map = (status: number, body: unknown) =>
      mapXError({ platform: 'x', status, headers: new Headers(), body, request });
    expect(map(200, { data: [] })).toBeUndefined();
    expect(
      map(429, { type: 'https://api.twitter.com/2/problems/usage-capped', title: 'Usage cap exceeded' }),
    ).toBeInstanceOf(QuotaExceededError);
    expect(
      RateLimitError.isInstance(map(400, { errors: [{ code: 88, message: 'Rate limit exceeded' }] })),
    ).toBe(true);
    expect(map(403, { errors: [{ code: 326, message: 'locked' }] })).toMatchObject({
      code: 'x_account_locked',
      needsReconnect: true,
    });
    expect(map(401, { title: 'Unauthorized', type: 'about:blank', status: 401 })).toMatchObject({
      needsReconnect: true,
    });
    expect(map(403, { title: 'Forbidden', type: 'about:blank' })).toMatchObject({
      code: 'x_forbidden',
      needsReconnect: false,
    });
    expect(map(500, { type: 'https://api.x.com/2/problems/internal-error' })).toMatchObject({
      retryable: true,
    });
    expect(
      map(400, { type: 'https://api.x.com/2/problems/invalid-request', errors: [{ message: 'bad ids' }] }),
    ).toMatchObject({
      code: 'x_invalid_request',
      platformDidNotAct: true,
      retryable: false,
    });
    expect(map(404, { type: 'https://api.x.com/2/problems/resource-not-found' })).toMatchObject({
      code: 'x_not_found',
    });
  });
});
