import type { AdapterContext, RateLimitKey, RateLimitRule } from '@growthhub/core';

/** The rate-limit buckets the X adapter spends from, one per endpoint as X counts them. */
export const X_BUCKETS = {
  createPost: 'tweets:create',
  deletePost: 'tweets:delete',
  lookupPosts: 'tweets:lookup',
  timeline: 'users:tweets',
  me: 'users:me',
  mediaUpload: 'media:upload',
  mediaInitialize: 'media:initialize',
  mediaAppend: 'media:append',
  mediaFinalize: 'media:finalize',
} as const;

/** A bucket name from {@link X_BUCKETS}. */
export type XBucket = (typeof X_BUCKETS)[keyof typeof X_BUCKETS];

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * X's published per-user limits (docs.x.com "X API rate limits"): `POST /2/tweets` 100 per 15 min
 * (and 10,000 per 24 h per app, which no single account reaches first), `DELETE /2/tweets/:id` 50,
 * `GET /2/tweets` 5,000, `GET /2/users/:id/tweets` 900, media `initialize`/`append`/`finalize` and the
 * one-shot upload 1,875 each. `GET /2/users/me` 75 is UNCONFIRMED (the classic v2 figure). STATUS
 * polls are not limited. The kernel queues calls under these and slows down on `x-rate-limit-*`.
 */
export const X_RATE_LIMIT_RULES: readonly RateLimitRule[] = [
  { platform: 'x', bucket: X_BUCKETS.createPost, limit: 100, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.deletePost, limit: 50, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.lookupPosts, limit: 5000, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.timeline, limit: 900, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.me, limit: 75, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.mediaUpload, limit: 1875, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.mediaInitialize, limit: 1875, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.mediaAppend, limit: 1875, intervalMs: FIFTEEN_MINUTES },
  { platform: 'x', bucket: X_BUCKETS.mediaFinalize, limit: 1875, intervalMs: FIFTEEN_MINUTES },
];

/** The rate-limit key of a bucket for the connection's X user. */
export function xRateLimitKey(context: AdapterContext, bucket: XBucket): RateLimitKey {
  return { platform: 'x', accountId: xUserId(context), bucket };
}

/** The X user id of the connection (its first `user` account), or the connection id when unknown. */
export function xUserId(context: AdapterContext): string {
  const account = context.connection.accounts.find((candidate) => candidate.kind === 'user');
  return account?.id ?? context.connection.accounts[0]?.id ?? context.connection.id;
}
