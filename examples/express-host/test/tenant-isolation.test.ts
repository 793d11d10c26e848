import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  connectX,
  planWeek,
  startTestHost,
  type TestHost,
} from './support/test-host';

describe('tenant isolation: one store can neither see nor change another store’s data', () => {
  let host: TestHost;
  let kiln: ApiClient;
  let harbour: ApiClient;
  let kilnConnectionId: string;
  let kilnCalendarId: string;
  let kilnPostId: string;

  beforeAll(async () => {
    host = await startTestHost();
    kiln = apiClient(host.app.url, host.app.apiKeys.kiln);
    harbour = apiClient(host.app.url, host.app.apiKeys.harbour);
    kilnConnectionId = (await connectX(kiln)).id;
    const plan = await planWeek(kiln);
    kilnCalendarId = plan.calendar.id;
    kilnPostId = (plan.posts[0] as { id: string }).id;
  });
  afterAll(() => host.dispose());

  it('answers another store’s post exactly as a post that does not exist: 404, never 403', async () => {
    const foreign = await harbour.request('GET', `/api/posts/${kilnPostId}`);
    const missing = await harbour.request('GET', '/api/posts/post_does_not_exist');
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(foreign.json.code).toBe('not_found');
    // Same answer apart from the id named in it: nothing tells the caller the post exists elsewhere.
    expect(foreign.text.replaceAll(kilnPostId, 'ID')).toBe(
      missing.text.replaceAll('post_does_not_exist', 'ID'),
    );
  });

  it('refuses every change to another store’s post with 404 and leaves the post untouched', async () => {
    const before = await kiln.request('GET', `/api/posts/${kilnPostId}`);
    const attempts = [
      harbour.request('PATCH', `/api/posts/${kilnPostId}`, { caption: 'Hijacked' }),
      harbour.request('POST', '/api/posts/approve', { postIds: [kilnPostId] }),
      harbour.request('POST', `/api/posts/${kilnPostId}/reschedule`, {
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      harbour.request('POST', `/api/posts/${kilnPostId}/cancel`, {}),
      harbour.request('POST', `/api/posts/${kilnPostId}/publish`, {}),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(404);
      expect(answer.json.code).toBe('not_found');
    }
    const after = await kiln.request('GET', `/api/posts/${kilnPostId}`);
    expect(after.json).toEqual(before.json);
    expect(after.json.status).toBe('draft');
  });

  it('keeps connections and calendars to their store', async () => {
    const list = await harbour.request('GET', '/api/connections');
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
    expect((await harbour.request('GET', `/api/calendars/${kilnCalendarId}`)).status).toBe(404);
    expect((await harbour.request('POST', `/api/connections/${kilnConnectionId}/check`, {})).status).toBe(
      404,
    );
    expect((await harbour.request('DELETE', `/api/connections/${kilnConnectionId}`)).status).toBe(404);
    const own = await kiln.request('GET', '/api/connections');
    expect(own.json.items.map((connection: { id: string }) => connection.id)).toEqual([kilnConnectionId]);
    expect((await kiln.request('GET', `/api/calendars/${kilnCalendarId}`)).status).toBe(200);
  });

  it('lists only the caller’s own posts, whatever the filters', async () => {
    const everything = await harbour.request('GET', '/api/posts');
    const byCalendar = await harbour.request('GET', `/api/posts?calendarId=${kilnCalendarId}`);
    const byWindow = await harbour.request(
      'GET',
      `/api/posts?from=${encodeURIComponent('2000-01-01T00:00:00Z')}&to=${encodeURIComponent('2100-01-01T00:00:00Z')}`,
    );
    for (const answer of [everything, byCalendar, byWindow]) {
      expect(answer.status).toBe(200);
      expect(answer.json.items).toEqual([]);
    }
    expect((await kiln.request('GET', '/api/posts')).json.items.length).toBeGreaterThan(0);
  });

  it('approves nothing when one of several ids belongs to another store', async () => {
    const harbourPlan = await planWithOwnConnection(harbour);
    const mixed = await harbour.request('POST', '/api/posts/approve', {
      postIds: [harbourPlan.posts[0]?.id, kilnPostId],
    });
    expect(mixed.status).toBe(404);
    const ownPost = await harbour.request('GET', `/api/posts/${harbourPlan.posts[0]?.id}`);
    expect(ownPost.json.status).toBe('draft');
  });

  it('refuses requests without a key, with an unknown key, or with a forged session cookie', async () => {
    const anonymous = apiClient(host.app.url);
    const forged = apiClient(host.app.url, 'ghk_not-a-real-key-of-any-store');
    expect((await anonymous.request('GET', '/api/posts')).status).toBe(401);
    const unknownKey = await forged.request('GET', `/api/posts/${kilnPostId}`);
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.json.code).toBe('unauthenticated');
    const cookie = await anonymous.request('GET', '/api/connections', undefined, {
      cookie: `gh_session=kiln.${Date.now() + 3_600_000}.forged-signature`,
    });
    expect(cookie.status).toBe(401);
  });

  it('binds a dashboard session to the store whose key signed in', async () => {
    const signIn = await apiClient(host.app.url).request('POST', '/api/session', {
      apiKey: host.app.apiKeys.harbour,
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const asHarbour = apiClient(host.app.url);
    const foreign = await asHarbour.request('GET', `/api/posts/${kilnPostId}`, undefined, { cookie });
    expect(foreign.status).toBe(404);
    const session = await asHarbour.request('GET', '/api/session', undefined, { cookie });
    expect(session.json.storeId).toBe('harbour');
  });
});

async function planWithOwnConnection(client: ApiClient) {
  await connectX(client);
  return planWeek(client);
}
