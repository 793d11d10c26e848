import type { PlatformRuleIssue, SocialPost, SocialPublisher } from '@growthhub/core';
import { composeCaption } from '@growthhub/core';
import PQueue from 'p-queue';

/** Issue codes a rewrite of the caption, hashtags or title can fix. */
export const TEXT_ISSUE_CODES: ReadonlySet<string> = new Set([
  'CAPTION_TOO_LONG',
  'TOO_MANY_HASHTAGS',
  'TITLE_TOO_LONG',
  'CAPTION_REQUIRED',
  'DUPLICATE_CAPTION',
  'CAPTION_MISSING',
]);

/** A post to check, with the publisher of its account. */
export interface PostToCheck {
  readonly key: string;
  readonly post: SocialPost;
  readonly publisher: SocialPublisher;
}

/**
 * Checks posts against their platforms' rules with each adapter's `validate()` (concurrently, under
 * a limit), plus one rule of our own: two posts of one account must not read the same (X, for one,
 * rejects duplicate text), counting `existingCaptions` (account key → composed captions already
 * scheduled). Returns the blocking issues per key; keys without issues are absent.
 */
export async function checkPosts(
  posts: readonly PostToCheck[],
  existingCaptions: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<Map<string, PlatformRuleIssue[]>> {
  const queue = new PQueue({ concurrency: options.concurrency ?? 8 });
  const issues = new Map<string, PlatformRuleIssue[]>();
  await Promise.all(
    posts.map((entry) =>
      queue.add(async () => {
        const found = await entry.publisher.validate(
          entry.post,
          options.signal ? { signal: options.signal } : {},
        );
        const blocking = found.filter((issue) => issue.severity === 'error');
        if (blocking.length > 0) issues.set(entry.key, [...blocking]);
      }),
    ),
  );
  const seen = new Map<string, Set<string>>(
    [...existingCaptions].map(([account, captions]) => [account, new Set(captions)]),
  );
  for (const entry of posts) {
    const account = accountKey(entry.post);
    const text = normalizedCaption(entry.post);
    const captions = seen.get(account) ?? new Set<string>();
    if (captions.has(text)) {
      issues.set(entry.key, [
        ...(issues.get(entry.key) ?? []),
        {
          field: 'caption',
          reason: 'reads exactly like another post of the same account',
          fix: 'Write it differently.',
          severity: 'error',
          code: 'DUPLICATE_CAPTION',
        },
      ]);
    } else captions.add(text);
    seen.set(account, captions);
  }
  return issues;
}

/** The key posts of one account share: `connectionId/accountId/channel`. */
export function accountKey(post: Pick<SocialPost, 'connectionId' | 'accountId' | 'channel'>): string {
  return `${post.connectionId}/${post.accountId}/${post.channel}`;
}

/** The caption with its hashtags, as the platform sees it, for duplicate detection. */
export function normalizedCaption(post: Pick<SocialPost, 'caption' | 'hashtags'>): string {
  return composeCaption(post.caption, post.hashtags).normalize('NFC').trim().toLowerCase();
}

/** True when every issue can be fixed by rewriting the text. */
export function onlyTextIssues(issues: readonly PlatformRuleIssue[]): boolean {
  return issues.every((issue) => TEXT_ISSUE_CODES.has(issue.code));
}
