import { describe, expect, it } from 'vitest';
import type { XEmulator } from '../../src/testing/index';
import { bearerFor, xEmulatorUserPerTest } from './emulator-lifecycle';

const user = xEmulatorUserPerTest();
const start = user.start;

function createPost(running: XEmulator, body: unknown) {
  return fetch(`${running.url}/2/tweets`, {
    method: 'POST',
    headers: { authorization: user.bearer, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function get(running: XEmulator, path: string) {
  return fetch(`${running.url}${path}`, { headers: { authorization: user.bearer } });
}

describe('the emulated POST /2/tweets', () => {
  it('answers 201 with the id, text and edit history in the configured naming', async () => {
    for (const naming of ['post', 'tweet'] as const) {
      const running = await start({ fieldNaming: naming });
      const response = await createPost(running, { text: 'Hello' });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { data: Record<string, unknown> };
      const field = naming === 'post' ? 'edit_history_post_ids' : 'edit_history_tweet_ids';
      expect(body.data).toEqual({
        id: expect.stringMatching(/^[0-9]{1,19}$/),
        text: 'Hello',
        [field]: [body.data.id],
      });
      await running.close();
    }
  });

  it('rejects what X rejects, with X’s invalid-request problem', async () => {
    const running = await start();
    const invalid: unknown[] = [
      { text: 'a', quote_tweet_id: '20', media: { media_ids: ['1'] } },
      { text: 'a', poll: { options: ['only one'], duration_minutes: 60 } },
      { text: 'a', poll: { options: ['a', 'b'], duration_minutes: 4 } },
      { text: 'a', poll: { options: ['a', 'this option is far longer than 25'], duration_minutes: 60 } },
      { text: 'a', poll: { options: ['a', 'b'], duration_minutes: 60 }, card_uri: 'card://1' },
      { text: 'a', reply_settings: 'everyone' },
      { text: 'a', media: { media_ids: ['1', '2', '3', '4', '5'] } },
      {
        text: 'a',
        media: { media_ids: ['1'], tagged_user_ids: Array.from({ length: 11 }, (_, i) => String(i + 1)) },
      },
      { text: 'a', reply: { in_reply_to_tweet_id: 'not-a-number' } },
      { text: 'a', unknown_field: true },
      {},
    ];
    for (const body of invalid) {
      const response = await createPost(running, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = (await response.json()) as { type: string; errors: unknown[] };
      expect(problem.type).toBe('https://api.x.com/2/problems/invalid-request');
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    expect(running.posts()).toEqual([]);
  });

  it('rejects text over 280 weighted characters, duplicates, and unknown media', async () => {
    const running = await start();
    const tooLong = await createPost(running, { text: '🙂'.repeat(141) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('Your Tweet text is too long');
    expect((await createPost(running, { text: '🙂'.repeat(140) })).status).toBe(201);
    expect((await createPost(running, { text: 'same words' })).status).toBe(201);
    const duplicate = await createPost(running, { text: 'same words' });
    expect(duplicate.status).toBe(403);
    expect(await duplicate.json()).toMatchObject({
      detail: 'You are not allowed to create a Tweet with duplicate content.',
    });
    const media = await createPost(running, { text: 'pic', media: { media_ids: ['123456'] } });
    expect(media.status).toBe(400);
  });

  it('refuses a form body, a token without tweet.write, and no token', async () => {
    const running = await start();
    const form = await fetch(`${running.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: user.bearer },
      body: new URLSearchParams({ text: 'hi' }),
    });
    expect(form.status).toBe(400);
    user.bearer = bearerFor(running, ['tweet.read', 'users.read']);
    expect((await createPost(running, { text: 'hi' })).status).toBe(403);
    const anonymous = await fetch(`${running.url}/2/tweets`, {
      method: 'POST',
      body: '{"text":"hi"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers 429 on the 101st post of a user within 15 minutes, with the reset in epoch seconds', async () => {
    const running = await start();
    for (let n = 1; n <= 100; n += 1)
      expect((await createPost(running, { text: `post ${n}` })).status).toBe(201);
    const limited = await createPost(running, { text: 'post 101' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
    expect(limited.headers.get('x-rate-limit-limit')).toBe('100');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(running.posts()).toHaveLength(100);
  });

  it('enforces the self-serve reply rule when asked, allowing replies to one’s own posts', async () => {
    const running = await start({
      restrictReplies: true,
      users: [{ username: 'shop' }, { id: '77', username: 'other' }],
    });
    const own = (await (await createPost(running, { text: 'mine' })).json()) as { data: { id: string } };
    expect(
      (await createPost(running, { text: 'thread', reply: { in_reply_to_tweet_id: own.data.id } })).status,
    ).toBe(201);
    const otherToken = running.issueTokens({ userId: '77' }).access_token;
    const theirs = await fetch(`${running.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'not mentioning anyone' }),
    });
    const theirsId = ((await theirs.json()) as { data: { id: string } }).data.id;
    const reply = await createPost(running, { text: 'reply', reply: { in_reply_to_tweet_id: theirsId } });
    expect(reply.status).toBe(403);
  });
});

describe('the emulated post lookups', () => {
  it('looks up posts by comma-separated or repeated ids, with partial errors for missing ones', async () => {
    const running = await start({ fieldNaming: 'tweet' });
    const ids: string[] = [];
    for (const text of ['one', 'two']) {
      ids.push(((await (await createPost(running, { text })).json()) as { data: { id: string } }).data.id);
    }
    const comma = await get(
      running,
      `/2/tweets?ids=${ids.join(',')},99&tweet.fields=public_metrics,created_at`,
    );
    const body = (await comma.json()) as {
      data: Record<string, unknown>[];
      errors: Record<string, unknown>[];
    };
    expect(comma.status).toBe(200);
    expect(body.data.map((post) => post.id)).toEqual(ids);
    expect(body.data[0]?.public_metrics).toEqual({
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    });
    expect(body.errors).toEqual([
      expect.objectContaining({ resource_id: '99', resource_type: 'tweet', title: 'Not Found Error' }),
    ]);
    const repeated = await get(running, `/2/tweets?ids=${ids[0]}&ids=${ids[1]}&post.fields=author_id`);
    const repeatedBody = (await repeated.json()) as { data: Record<string, unknown>[] };
    expect(repeatedBody.data.map((post) => post.author_id)).toEqual(['2244994945', '2244994945']);
    const badField = await get(running, `/2/tweets?ids=${ids[0]}&tweet.fields=nonsense`);
    expect(badField.status).toBe(400);
  });

  it('answers a single missing post with 200 and errors only', async () => {
    const running = await start();
    const response = await get(running, '/2/tweets/12345');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ resource_id: '12345', parameter: 'id' })],
    });
  });

  it('pages a user timeline newest first, honouring start_time, since_id and exclude=replies', async () => {
    let now = Date.parse('2026-11-20T08:00:00Z');
    const running = await start({ now: () => now });
    const ids: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      now += 60_000;
      ids.push(
        ((await (await createPost(running, { text: `post ${n}` })).json()) as { data: { id: string } }).data
          .id,
      );
    }
    now += 60_000;
    await createPost(running, { text: 'a reply', reply: { in_reply_to_tweet_id: ids[0] } });
    const user = '2244994945';
    const first = (await (
      await get(running, `/2/users/${user}/tweets?max_results=5&exclude=replies`)
    ).json()) as {
      data: { id: string }[];
      meta: { next_token: string; result_count: number };
    };
    expect(first.data.map((post) => post.id)).toEqual(ids.slice(-5).reverse());
    const second = (await (
      await get(
        running,
        `/2/users/${user}/tweets?max_results=5&exclude=replies&pagination_token=${first.meta.next_token}`,
      )
    ).json()) as {
      data: { id: string }[];
    };
    expect(second.data.map((post) => post.id)).toEqual(ids.slice(2, 7).reverse());
    const since = (await (
      await get(running, `/2/users/${user}/tweets?start_time=2026-11-20T08:10:00Z&exclude=replies`)
    ).json()) as {
      data: { id: string }[];
    };
    expect(since.data.map((post) => post.id)).toEqual(ids.slice(9).reverse());
    const newer = (await (await get(running, `/2/users/${user}/tweets?since_id=${ids[10]}`)).json()) as {
      data: { id: string }[];
    };
    expect(newer.data).toHaveLength(2);
    const empty = await (
      await get(running, `/2/users/${user}/tweets?start_time=2027-01-01T00:00:00Z`)
    ).json();
    expect(empty).toEqual({ meta: { result_count: 0 } });
  });

  it('deletes only the author’s own posts', async () => {
    const running = await start({ users: [{ username: 'shop' }, { id: '77', username: 'other' }] });
    const id = ((await (await createPost(running, { text: 'mine' })).json()) as { data: { id: string } }).data
      .id;
    const other = running.issueTokens({ userId: '77' }).access_token;
    const refused = await fetch(`${running.url}/2/tweets/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(refused.status).toBe(403);
    const deleted = await fetch(`${running.url}/2/tweets/${id}`, {
      method: 'DELETE',
      headers: { authorization: user.bearer },
    });
    expect(await deleted.json()).toEqual({ data: { deleted: true } });
  });

  it('answers an unknown route with a problem, in JSON', async () => {
    const running = await start();
    const response = await get(running, '/2/spaces/search');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
