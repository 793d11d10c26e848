import type { Connection, SocialPost } from '@growthhub/core';
import { AuthError, eachPaged, redactSecrets } from '@growthhub/core';
import { listAll, type SocialContext } from './social-context';
import { addDays, localDate } from './zoned-time';

/** What one metrics sync did. */
export interface MetricsSyncReport {
  readonly storeId: string;
  /** Posts whose metrics were refreshed. */
  readonly posts: number;
  /** Accounts whose insights were refreshed. */
  readonly accounts: number;
  /** Connections skipped or failed, with why (redacted). */
  readonly errors: ReadonlyArray<{
    readonly connectionId: string;
    readonly code: string;
    readonly message: string;
  }>;
}

const METRICS_BATCH = 100;

/**
 * Refreshes a store's analytics: the metrics of every post published in the last `days` days
 * (batched per connected account) and the insights of every account it posts as. A connection that
 * fails is reported (and an `engine.error` event emitted) while the others are still synced. Emits
 * `metrics.synced` for posts and for accounts.
 */
export async function syncStoreMetrics(
  context: SocialContext,
  storeId: string,
  days: number,
): Promise<MetricsSyncReport> {
  const now = context.clock.now();
  const since = now.getTime() - days * 86_400_000;
  const posts = await listAll(context.posts, storeId);
  const byAccount = new Map<string, SocialPost[]>();
  for (const post of posts) {
    const key = `${post.connectionId}\u0000${post.accountId}`;
    const published =
      post.status === 'published' &&
      post.platformPostId !== undefined &&
      Date.parse(post.publishedAt ?? '') >= since;
    byAccount.set(key, [...(byAccount.get(key) ?? []), ...(published ? [post] : [])]);
  }
  let postCount = 0;
  let accountCount = 0;
  const errors: Array<{ connectionId: string; code: string; message: string }> = [];
  const syncedAt = now.toISOString();
  for (const [key, accountPosts] of byAccount) {
    const [connectionId, accountId] = key.split('\u0000') as [string, string];
    try {
      const connection = await usable(context, connectionId);
      const publisher = context.platforms.publisher(connection, accountId);
      const withIds = accountPosts.filter((post) => post.platformPostId !== undefined);
      for (let start = 0; start < withIds.length; start += METRICS_BATCH) {
        const batch = withIds.slice(start, start + METRICS_BATCH);
        const metrics = await publisher.getPostMetrics(batch.map((post) => post.platformPostId as string));
        const byPlatformId = new Map(metrics.map((entry) => [entry.platformPostId, entry]));
        for (const post of batch) {
          const entry = byPlatformId.get(post.platformPostId as string);
          if (entry === undefined) continue;
          await context.metrics.put({ postId: post.id, storeId, metrics: entry, syncedAt });
          postCount += 1;
        }
      }
      const timeZone = (await context.catalog.getStore(storeId))?.timeZone ?? 'UTC';
      const until = localDate(now, timeZone);
      const insights = await publisher.getAccountInsights(
        { since: addDays(until, -(days - 1)), until },
        { accountId },
      );
      await context.insights.put({
        id: `${connectionId}/${accountId}`,
        storeId,
        connectionId,
        platform: connection.platform,
        insights,
        syncedAt,
      });
      accountCount += 1;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? 'sync_failed');
      const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 2000);
      errors.push({ connectionId, code, message });
      context.logger.warn('Metrics sync failed for a connection', { storeId, connectionId, code });
      context.events.emit('engine.error', {
        at: syncedAt,
        storeId,
        source: 'sync:metrics',
        error: { code, message },
      });
    }
  }
  context.events.emit('metrics.synced', { at: syncedAt, storeId, kind: 'posts', count: postCount });
  context.events.emit('metrics.synced', { at: syncedAt, storeId, kind: 'accounts', count: accountCount });
  return { storeId, posts: postCount, accounts: accountCount, errors };
}

/** Syncs every store that has posts; one store's failure does not stop the others. */
export async function syncAllStores(context: SocialContext, days: number): Promise<MetricsSyncReport[]> {
  const reports: MetricsSyncReport[] = [];
  for await (const storeId of eachPaged((page) => context.posts.listTenants(page))) {
    reports.push(await syncStoreMetrics(context, storeId, days));
  }
  return reports;
}

async function usable(context: SocialContext, connectionId: string): Promise<Connection> {
  const connection = await context.platforms.connection(connectionId);
  if (connection === undefined || connection.status === 'expired' || connection.status === 'revoked') {
    throw new AuthError({
      platform: connection?.platform ?? 'unknown',
      connectionId,
      code: 'auth_expired',
      message: `The connection ${connectionId} is ${connection?.status ?? 'gone'}; reconnect it to sync its metrics.`,
    });
  }
  return connection;
}
