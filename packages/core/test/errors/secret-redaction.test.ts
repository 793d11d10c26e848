import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  GrowthError,
  PlatformApiError,
  redactErrorSecrets,
  redactSecrets,
  redactValue,
} from '../../src/errors/index';

describe('redactSecrets', () => {
  const cases: [string, string, string][] = [
    [
      'a query access_token',
      'GET /me?fields=id&access_token=EAAB12345xyz&x=1',
      'GET /me?fields=id&access_token=[REDACTED]&x=1',
    ],
    [
      'form values',
      'client_secret=shh123&code_verifier=abc_def&grant_type=authorization_code&refresh_token=rt1',
      'client_secret=[REDACTED]&code_verifier=[REDACTED]&grant_type=authorization_code&refresh_token=[REDACTED]',
    ],
    ['a Bearer Authorization header', 'Authorization: Bearer abc.def-123', 'Authorization: [REDACTED]'],
    ['a Basic Authorization header', 'authorization: Basic dXNlcjpwYXNz', 'authorization: [REDACTED]'],
    ['a custom token header', 'Access-Token: 8d7f6e5d4c3b', 'Access-Token: [REDACTED]'],
    [
      'JSON fields',
      '{"access_token":"tok123","token_type":"bearer","refresh_token": "rt_abc"}',
      '{"access_token":"[REDACTED]","token_type":"bearer","refresh_token": "[REDACTED]"}',
    ],
    [
      'JSON escaped inside JSON',
      '"{\\"client_secret\\":\\"s3cr3t\\",\\"a\\":1}"',
      '"{\\"client_secret\\":\\"[REDACTED]\\",\\"a\\":1}"',
    ],
    [
      'object literal fields',
      "{ accessToken: 'tok123', other: 1 }",
      "{ accessToken: '[REDACTED]', other: 1 }",
    ],
    [
      'a URL-encoded URL inside a URL',
      'next=https%3A%2F%2Fa.b%2Fcb%3Faccess_token%3Dsecret999%26foo%3Dbar',
      'next=https%3A%2F%2Fa.b%2Fcb%3Faccess_token%3D[REDACTED]%26foo%3Dbar',
    ],
    [
      "X's consumer (API key) secret",
      'consumer_secret=cs9Xk2 {"consumerSecret":"cs8Yj1"} apiSecret: as7Zh0',
      'consumer_secret=[REDACTED] {"consumerSecret":"[REDACTED]"} apiSecret: [REDACTED]',
    ],
    ['a bare Bearer token', 'sent Bearer ya29.a0AfH6SMB to the API', 'sent Bearer [REDACTED] to the API'],
    ['a JWT', 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc123 used', 'id [REDACTED] used'],
  ];
  for (const [what, input, expected] of cases) {
    it(`redacts ${what}`, () => expect(redactSecrets(input)).toBe(expected));
  }

  it('leaves ordinary prose alone', () => {
    const prose = 'The access token expired; Bearer token missing; Basic authentication failed at 12:00.';
    expect(redactSecrets(prose)).toBe(prose);
  });

  it('redacts the password in a URL userinfo but keeps scheme, user and host', () => {
    expect(redactSecrets('connect redis://default:hunter2pw@cache.local:6379/0 failed')).toBe(
      'connect redis://default:[REDACTED]@cache.local:6379/0 failed',
    );
    expect(redactSecrets('GET https://u:p4ss@api.example.com/x')).toBe(
      'GET https://u:[REDACTED]@api.example.com/x',
    );
    expect(redactSecrets('redis://:onlypass@host')).toBe('redis://:[REDACTED]@host');
    expect(redactSecrets('see https://example.com:8080/a@b and mailto:me@x.org')).toBe(
      'see https://example.com:8080/a@b and mailto:me@x.org',
    );
  });

  it('keeps redacting a quoted value past JSON-escaped quotes', () => {
    expect(redactSecrets('{"refresh_token":"ab\\"cd-tail-secret","x":1}')).toBe(
      '{"refresh_token":"[REDACTED]","x":1}',
    );
    expect(redactSecrets('{"password":"p\\\\","x":"keep"}')).toBe('{"password":"[REDACTED]","x":"keep"}');
    // the same JSON escaped once more inside a JSON string
    expect(redactSecrets('"{\\"refresh_token\\":\\"ab\\\\\\"cd-tail\\",\\"x\\":1}"')).toBe(
      '"{\\"refresh_token\\":\\"[REDACTED]\\",\\"x\\":1}"',
    );
  });

  it('removes known secrets wherever they appear, also URL-encoded, but ignores very short ones', () => {
    expect(redactSecrets('odd place: k9/Zt+Q7mW and k9%2FZt%2BQ7mW', ['k9/Zt+Q7mW'])).toBe(
      'odd place: [REDACTED] and [REDACTED]',
    );
    expect(redactSecrets('an a in a sentence', ['a'])).toBe('an a in a sentence');
  });
});

describe('redactValue', () => {
  it('redacts secret fields, Headers and nested strings, and survives cycles', () => {
    const value: Record<string, unknown> = {
      refreshToken: 'rt-1',
      client_secret: 'cs-1',
      headers: new Headers({ authorization: 'Bearer abcdefgh1', 'x-ok': 'fine' }),
      note: 'url ?access_token=tok-1',
      list: [{ password: 'hunter2' }],
    };
    value.self = value;

    expect(redactValue(value)).toEqual({
      refreshToken: '[REDACTED]',
      client_secret: '[REDACTED]',
      headers: { authorization: '[REDACTED]', 'x-ok': 'fine' },
      note: 'url ?access_token=[REDACTED]',
      list: [{ password: '[REDACTED]' }],
      self: '[Circular]',
    });
  });
});

describe('redactValue with consumer secrets', () => {
  it("redacts X's consumer secret and API secret fields by name", () => {
    expect(redactValue({ consumerSecret: 'xcs-1', api_secret: 'as-1', consumerKey: 'ck-1' })).toEqual({
      consumerSecret: '[REDACTED]',
      api_secret: '[REDACTED]',
      consumerKey: 'ck-1',
    });
  });
});

describe('redactErrorSecrets', () => {
  it('scrubs a literal secret from message, stack, fields and cause of an existing error', () => {
    const secret = 'Qw8sLk2Jd9Xz';
    const error = new PlatformApiError({
      platform: 'x',
      status: 400,
      message: `platform echoed ${secret}`,
      requestId: `trace-${secret}`,
      details: { text: `echo ${secret}` },
      cause: new Error(`cause with ${secret}`),
    });

    redactErrorSecrets(error, [secret]);

    for (const rendering of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(rendering).not.toContain(secret);
    }
    expect(GrowthError.isInstance(error)).toBe(true);
  });
});
