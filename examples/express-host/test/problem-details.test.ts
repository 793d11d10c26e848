import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  connectX,
  planWeek,
  startTestHost,
  type TestHost,
} from './support/test-host';

describe('bad input is answered as application/problem+json carrying the typed error’s code', () => {
  let host: TestHost;
  let kiln: ApiClient;

  beforeAll(async () => {
    host = await startTestHost();
    kiln = apiClient(host.app.url, host.app.apiKeys.kiln);
  });
  afterAll(() => host.dispose());

  const expectProblem = (
    answer: { status: number; headers: Headers; json: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.json).toMatchObject({ type: `urn:growthhub:problem:${code}`, status, code });
    expect(typeof answer.json.title).toBe('string');
    expect(typeof answer.json.detail).toBe('string');
  };

  it('names the field and the fix when a body value is out of range', async () => {
    const answer = await kiln.request('POST', '/api/calendars', { days: 0, postsPerDay: 1 });
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.field).toBe('body.days');
    expect(answer.json.fix).toEqual(expect.any(String));
  });

  it('refuses fields the API does not know (strict input)', async () => {
    const answer = await kiln.request('POST', '/api/calendars', {
      days: 7,
      postsPerDay: 1,
      storeId: 'harbour',
    });
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.issues).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await kiln.request('POST', '/api/calendars', '{"days": 7,');
    expectProblem(answer, 400, 'invalid_json');
  });

  it('names a bad query parameter', async () => {
    const answer = await kiln.request('GET', '/api/posts?status=sent');
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.field).toBe('query.status');
  });

  it('passes on the engine’s own ValidationError: planning with no connected account', async () => {
    const answer = await kiln.request('POST', '/api/calendars', { days: 7, postsPerDay: 1 });
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.field).toEqual(expect.any(String));
  });

  it('passes on the engine’s rule: a post cannot be rescheduled into the past', async () => {
    await connectX(kiln);
    const plan = await planWeek(kiln);
    const answer = await kiln.request('POST', `/api/posts/${plan.posts[0]?.id}/reschedule`, {
      scheduledAt: '2020-01-01T00:00:00Z',
    });
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.field).toBe('scheduledAt');
  });

  it('refuses to publish a draft that was never approved', async () => {
    const plan = await planWeek(kiln);
    const answer = await kiln.request('POST', `/api/posts/${plan.posts[0]?.id}/publish`, {});
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.fix).toContain('approve');
  });

  it('answers unknown API routes and missing keys as problems too', async () => {
    expectProblem(await kiln.request('GET', '/api/nothing-here'), 404, 'not_found');
    const anonymous = await apiClient(host.app.url).request('GET', '/api/posts');
    expectProblem(anonymous, 401, 'unauthenticated');
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses a cookie-authenticated change that is not JSON (a cross-site form cannot send JSON)', async () => {
    const signIn = await apiClient(host.app.url).request('POST', '/api/session', {
      apiKey: host.app.apiKeys.kiln,
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const answer = await apiClient(host.app.url).request('POST', '/api/calendars', 'days=7&postsPerDay=1', {
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(answer, 415, 'json_required');
  });
});
