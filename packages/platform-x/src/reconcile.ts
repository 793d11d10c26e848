import { createHash } from 'node:crypto';
import type { CallOptions, FindPublishedQuery, PublishedPostRef } from '@growthhub/core';
import { findUrlSpans } from '@growthhub/core';
import { xUserId } from './limits';
import { composeXText } from './post-rules';
import { xPostUrl } from './publish';
import { readUserTimeline } from './timeline';
import type { XApi } from './x-api';

/** Timeline pages read at most (100 posts each). */
const MAX_PAGES = 5;

/**
 * The fingerprint reconciliation compares: SHA-256 (hex) of the text with every URL removed (X
 * rewrites links to t.co and appends a media link), whitespace collapsed, NFC, plus the media count.
 * Pass it as `FindPublishedQuery.contentHash` when no `post` is at hand.
 */
export function xContentFingerprint(text: string, mediaCount: number): string {
  const normalized = text.normalize('NFC');
  let withoutUrls = '';
  let cursor = 0;
  for (const span of findUrlSpans(normalized)) {
    withoutUrls += `${normalized.slice(cursor, span.start)} `;
    cursor = span.end;
  }
  withoutUrls += normalized.slice(cursor);
  const canonical = withoutUrls.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify([canonical, mediaCount]))
    .digest('hex');
}

/**
 * Finds posts already on X for a post whose publish outcome is unknown (a timeout after X created
 * it): reads the account's timeline since `query.since` and matches the fingerprint of the text the
 * post would have been published with (from `query.post`, else `query.contentHash` as an
 * {@link xContentFingerprint}). X records no idempotency key, so matches are by content. Newest first.
 */
export async function findPublishedPosts(
  api: XApi,
  query: FindPublishedQuery,
  options: CallOptions = {},
): Promise<PublishedPostRef[]> {
  const expected =
    query.post === undefined
      ? query.contentHash
      : xContentFingerprint(composeXText(query.post).text, query.post.media.length);
  if (expected === undefined) return [];
  const userId = query.accountId ?? query.post?.accountId ?? xUserId(api.context);
  const posts = await readUserTimeline(api, {
    userId,
    userIdField:
      query.accountId !== undefined
        ? 'accountId'
        : query.post?.accountId !== undefined
          ? 'post.accountId'
          : 'connection.accounts',
    startTime: wholeSeconds(query.since),
    fields: 'created_at,attachments',
    maxPages: MAX_PAGES,
    signal: options.signal,
  });
  return posts
    .filter((post) => xContentFingerprint(post.text, post.attachments?.media_keys?.length ?? 0) === expected)
    .map(
      (post): PublishedPostRef => ({
        platformPostId: post.id,
        url: xPostUrl(post.id),
        publishedAt: post.created_at ?? new Date().toISOString(),
        matchedBy: 'contentHash',
      }),
    );
}

/** X wants `YYYY-MM-DDTHH:mm:ssZ`. */
function wholeSeconds(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
