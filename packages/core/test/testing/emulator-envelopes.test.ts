import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorEnvelopeName } from '../../src/testing/index';
import { createEmulator, errorEnvelopes, tiktokMarketingEnvelope } from '../../src/testing/index';
import { emulatorsClosedAfterEach } from './emulator-lifecycle';

const listen = emulatorsClosedAfterEach();

const PostBody = z.object({ text: z.string().max(5), board_id: z.string().regex(/^\d+$/) });

/** Posts a body missing `board_id` and with an over-long `text` to an emulator using `envelope`. */
async function rejectInvalidBody(envelope: ErrorEnvelopeName) {
  const emulator = createEmulator({ platform: envelope, envelope }).route(
    'POST',
    '/things',
    () => ({ json: {} }),
    {
      body: PostBody,
    },
  );
  const running = await listen(emulator);
  const response = await fetch(`${running.url}/things`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'far too long' }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('validation errors in each platform envelope', () => {
  it('X: 400 invalid-request problem with errors[].parameters naming each field', async () => {
    const { status, headers, body } = await rejectInvalidBody('x');
    expect(status).toBe(400);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { message: expect.stringContaining('text'), parameters: { text: ['far too long'] } },
        { message: expect.stringContaining('board_id'), parameters: { board_id: [] } },
      ]),
    );
  });

  it('Meta: 400 OAuthException code 100 with the fields in the message and an fbtrace_id', async () => {
    const { status, headers, body } = await rejectInvalidBody('meta');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'OAuthException', code: 100, is_transient: false });
    expect(body.error.message).toMatch(/^\(#100\) /);
    expect(body.error.message).toContain('The parameter board_id is required');
    expect(body.error.message).toContain('Param text');
    expect(body.error.fbtrace_id).toBe(headers.get('x-fb-trace-id'));
  });

  it('TikTok v2: 400 with error.code invalid_params, empty data and a log id', async () => {
    const { status, headers, body } = await rejectInvalidBody('tiktok');
    expect(status).toBe(400);
    expect(body).toMatchObject({ data: {}, error: { code: 'invalid_params' } });
    expect(body.error.message).toContain('board_id');
    expect(body.error.log_id).toMatch(/^\d{14}[0-9A-F]{18}$/);
    expect(headers.get('x-tt-logid')).toBe(body.error.log_id);
  });

  it('TikTok Marketing: HTTP 200 with numeric code 40002, request_id and empty data', async () => {
    const { status, body } = await rejectInvalidBody('tiktokMarketing');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 40002, data: {} });
    expect(body.message).toContain('board_id');
    expect(typeof body.request_id).toBe('string');
  });

  it('Google: 400 INVALID_ARGUMENT with BadRequest fieldViolations', async () => {
    const { status, body } = await rejectInvalidBody('google');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    expect(body.error.errors[0]).toMatchObject({ domain: 'global', reason: 'badRequest' });
    expect(body.error.details).toEqual([
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: expect.arrayContaining([
          { field: 'text', description: expect.any(String) },
          { field: 'board_id', description: expect.any(String) },
        ]),
      },
    ]);
  });

  it('Google Ads: GoogleAdsFailure with fieldError REQUIRED and a field path', async () => {
    const { body } = await rejectInvalidBody('googleAds');
    const [failure] = body.error.details;
    expect(failure.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          errorCode: { fieldError: 'REQUIRED' },
          location: { fieldPathElements: [{ fieldName: 'board_id' }] },
        }),
      ]),
    );
    expect(typeof failure.requestId).toBe('string');
  });

  it('Pinterest: 400 { code: 1, message } naming the fields', async () => {
    const { status, headers, body } = await rejectInvalidBody('pinterest');
    expect(status).toBe(400);
    expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    expect(body.code).toBe(1);
    expect(body.message).toContain("'board_id' is a required property");
    expect(headers.get('x-pinterest-rid')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('OAuth: 400 invalid_request with an error_description and no-store', async () => {
    const { status, headers, body } = await rejectInvalidBody('oauth');
    expect(status).toBe(400);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain('Missing required parameter: board_id');
  });

  it('validates the query with its own schema', async () => {
    const emulator = createEmulator({ platform: 'google', envelope: 'google' }).route(
      'GET',
      '/youtube/v3/videos',
      (req) => ({ json: { part: req.query.part } }),
      { query: z.object({ part: z.enum(['snippet', 'statistics']) }) },
    );
    const running = await listen(emulator);
    const bad = await fetch(`${running.url}/youtube/v3/videos?part=nope`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].fieldViolations[0].field).toBe('part');
    expect(await (await fetch(`${running.url}/youtube/v3/videos?part=statistics`)).json()).toEqual({
      part: 'statistics',
    });
  });

  it('uses a route envelope over the emulator envelope', async () => {
    const emulator = createEmulator({ platform: 'pinterest', envelope: 'pinterest' }).route(
      'POST',
      '/v5/oauth/token',
      () => ({ json: {} }),
      { envelope: 'oauth', body: z.object({ grant_type: z.string() }) },
    );
    const running = await listen(emulator);
    const response = await fetch(`${running.url}/v5/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams(),
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('gives every envelope a status for every failure kind', () => {
    for (const envelope of Object.values(errorEnvelopes)) {
      for (const kind of [
        'invalidRequest',
        'unauthorized',
        'forbidden',
        'notFound',
        'rateLimited',
        'serverError',
        'unavailable',
      ] as const) {
        expect(envelope.statuses[kind]).toBeGreaterThanOrEqual(200);
        const answer = envelope.render({ kind }, { requestId: 'r1', now: new Date() });
        expect(answer.status).toBe(envelope.statuses[kind]);
        expect(JSON.parse(JSON.stringify(answer.body))).toEqual(answer.body);
      }
    }
    expect(tiktokMarketingEnvelope.statuses.rateLimited).toBe(200);
  });
});
