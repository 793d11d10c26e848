import { ValidationError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectedAccount, connectedAccount } from '../connected-account';

let account: ConnectedAccount | undefined;

afterEach(async () => {
  await account?.close();
  account = undefined;
});

async function refusal(call: Promise<unknown>): Promise<ValidationError> {
  const thrown = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(ValidationError.isInstance(thrown), String(thrown)).toBe(true);
  return thrown as ValidationError;
}

describe('X ids from callers', () => {
  it('refuses a post id that is not 1 to 19 digits before sending anything, naming the field', async () => {
    account = await connectedAccount();
    const { publisher } = account;
    const since = new Date(Date.now() - 60_000).toISOString();
    const cases: [string, () => Promise<unknown>][] = [
      ['platformPostId', () => publisher.deletePost?.('..') ?? Promise.resolve()],
      ['handle', () => publisher.getPublishStatus('.')],
      ['handle', () => publisher.getPublishStatus('12345678901234567890')],
      ['platformPostId', () => publisher.comment?.('../..', { text: 'hi' }) ?? Promise.resolve()],
      ['platformPostIds[1]', () => publisher.getPostMetrics(['1234567890', '1,2'])],
      ['accountId', () => publisher.findPublished({ accountId: '..', contentHash: 'abc', since })],
      ['post.accountId', () => publisher.findPublished({ post: account?.post({ accountId: '.' }), since })],
    ];
    for (const [field, call] of cases) {
      const error = await refusal(call());
      expect(error.field, field).toBe(field);
      expect(error.reason).toMatch(/not an X id/);
      expect(error.fix).toMatch(/numeric id/);
    }
    expect(account.emulator.requests).toEqual([]);
  });

  it('accepts a 19-digit post id and asks X about it', async () => {
    account = await connectedAccount();
    const status = await account.publisher.getPublishStatus('9223372036854775807');
    expect(status).toMatchObject({ status: 'failed', code: 'x_not_found' });
    expect(account.emulator.requests.map((request) => request.path)).toEqual([
      '/2/tweets/9223372036854775807',
    ]);
  });
});
