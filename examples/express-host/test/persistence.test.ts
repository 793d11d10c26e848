import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, connectX, planWeek, startTestHost, type TestHost } from './support/test-host';

describe('persistence: the file store keeps everything across an app restart', () => {
  const hosts: TestHost[] = [];
  afterAll(async () => {
    for (const host of hosts.reverse()) await host.dispose();
  });

  it('keeps connections, calendars, scheduled posts, API keys and sessions, and still publishes after the restart', async () => {
    const first = await startTestHost();
    hosts.push(first);
    const kiln = apiClient(first.app.url, first.app.apiKeys.kiln);
    const connection = await connectX(kiln);
    const plan = await planWeek(kiln);
    const approved = await kiln.request('POST', '/api/posts/approve', {
      postIds: plan.posts.map((post) => post.id),
    });
    expect(approved.status).toBe(200);
    const signIn = await apiClient(first.app.url).request('POST', '/api/session', {
      apiKey: first.app.apiKeys.kiln,
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const apiKey = first.app.apiKeys.kiln as string;
    await first.stop();

    // Same port, as a restarted app would have: planned posts keep the product image URLs it served.
    const second = await startTestHost(first.dataDir, { port: Number(new URL(first.app.url).port) });
    hosts.push(second);
    expect(second.app.apiKeys.kiln).toBe(apiKey);
    const again = apiClient(second.app.url, apiKey);

    const connections = await again.request('GET', '/api/connections');
    expect(connections.json.items).toEqual([
      expect.objectContaining({ id: connection.id, status: 'connected' }),
    ]);
    const check = await again.request('POST', `/api/connections/${connection.id}/check`, {});
    expect(check.json.health).toBe('healthy');
    expect(check.json.problem).toBeUndefined();

    const calendar = await again.request('GET', `/api/calendars/${plan.calendar.id}`);
    expect(calendar.status).toBe(200);
    const scheduled = await again.request(
      'GET',
      `/api/posts?calendarId=${plan.calendar.id}&status=scheduled`,
    );
    expect(scheduled.json.items.map((post: { id: string }) => post.id).sort()).toEqual(
      plan.posts.map((post) => post.id).sort(),
    );

    // The old session cookie still signs in: its key survived too.
    const session = await apiClient(second.app.url).request('GET', '/api/session', undefined, { cookie });
    expect(session.json.storeId).toBe('kiln');

    // And the restarted app publishes with the stored connection, over HTTP to the (new) X emulator.
    const earliest = [...plan.posts].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
    const published = await again.request('POST', `/api/posts/${earliest?.id}/publish?wait=20`, {});
    expect(published.json.status).toBe('published');
    expect(second.app.xEmulator?.posts()).toHaveLength(1);
  });
});
