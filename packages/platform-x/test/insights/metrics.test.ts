import { PostMetricsSchema } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectedAccount, connectedAccount } from '../connected-account';

let account: ConnectedAccount | undefined;

afterEach(async () => {
  await account?.close();
  account = undefined;
});

describe('reading metrics back from X', () => {
  for (const naming of ['post', 'tweet'] as const) {
    it(`reads post metrics when X names reposts ${naming === 'post' ? 'repost_count (v2.167)' : 'retweet_count (v2.159)'}`, async () => {
      account = await connectedAccount({ emulator: { fieldNaming: naming } });
      const first = await account.publish(account.post());
      const second = await account.publish(account.post());
      account.emulator.addEngagement(first.platformPostId, {
        impressions: 500,
        likes: 40,
        reposts: 7,
        quotes: 2,
        replies: 3,
        bookmarks: 5,
      });
      const lookup = account.mark();
      const metrics = await account.publisher.getPostMetrics([
        first.platformPostId,
        second.platformPostId,
        '1234567890',
      ]);
      expect(metrics).toHaveLength(2);
      const firstMetrics = metrics.find((entry) => entry.platformPostId === first.platformPostId);
      expect(firstMetrics).toMatchObject({
        channel: 'x',
        impressions: 500,
        likes: 40,
        shares: 9,
        comments: 3,
        saves: 5,
      });
      for (const entry of metrics) expect(PostMetricsSchema.safeParse(entry).success).toBe(true);
      const [call] = lookup();
      expect(call?.path).toBe('/2/tweets');
      const sent = account.emulator.requests.at(-1);
      expect(sent?.query).toMatchObject({ 'tweet.fields': 'public_metrics' });
      expect(String(sent?.query.ids).split(',')).toHaveLength(3);
    });
  }

  it('sees metrics grow as time passes on the emulator clock', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    account = await connectedAccount({ emulator: { now: () => now } });
    const published = await account.publish(account.post());
    const [fresh] = await account.publisher.getPostMetrics([published.platformPostId]);
    now += 90 * 60_000; // within the 2-hour token lifetime
    const [later] = await account.publisher.getPostMetrics([published.platformPostId]);
    expect(fresh?.impressions).toBe(0);
    expect(later?.impressions ?? 0).toBeGreaterThan(200);
    expect(later?.likes ?? 0).toBeGreaterThan(0);
  });

  it('reads account insights: followers from /2/users/me, impressions summed per day from the timeline', async () => {
    account = await connectedAccount();
    const published = await account.publish(account.post());
    account.emulator.addEngagement(published.platformPostId, { impressions: 120, likes: 6, replies: 1 });
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const insights = await account.publisher.getAccountInsights(
      { since: yesterday, until: today },
      { accountId: account.userId },
    );
    expect(insights).toMatchObject({
      platform: 'x',
      accountId: account.userId,
      followers: 1200,
      impressions: 120,
      engagements: 7,
    });
    expect(insights.daily).toEqual([
      { date: yesterday, impressions: 0, engagements: 0 },
      { date: today, impressions: 120, engagements: 7 },
    ]);
  });
});
