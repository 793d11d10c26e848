import { randomUUID } from 'node:crypto';

/** A fresh idempotency key for a post: set once at creation, never changed. */
export function newIdempotencyKey(): string {
  return `gh_${randomUUID().replaceAll('-', '')}`;
}

/** A fresh record id with a readable prefix (`post_…`, `cal_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}
