import type { ErrorMapper, ErrorMapperContext, GrowthError } from '@growthhub/core';
import {
  AuthError,
  PlatformApiError,
  QuotaExceededError,
  RateLimitError,
  readRequestId,
} from '@growthhub/core';
import { z } from 'zod';

/**
 * X's two error shapes: problem+json `{ type, title, detail, status }` (API v2) and `{ code, message }`
 * (the OpenAPI `Error`, and v1.1-style `{ errors: [{ code, message }] }`).
 */
export const XProblemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string().optional() })).optional(),
  code: z.number().optional(),
  message: z.string().optional(),
});

/** The problem kinds after `/2/problems/` in X's `type` URLs (either host). */
type ProblemKind = string;

/** X error codes (`{ code, message }`) and what they mean for us. */
const AUTH_CODES = new Set([32, 89, 99, 135, 215, 220]);
const ACCOUNT_CODES = new Set([64, 326]);
const RATE_LIMIT_CODES = new Set([88]);
const TRANSIENT_CODES = new Set([130, 131]);

/**
 * Maps X answers to typed errors by problem `type` and error `code`, never by message text. Give it to
 * the HTTP kernel (`createHttpClient({ mapError: mapXError })`, or `adapter.mapError`).
 *
 * - 401, codes 32/89/215 → `AuthError` (reconnect after one refresh);
 * - 429, code 88 → `RateLimitError`, `platformDidNotAct` (the kernel waits for `x-rate-limit-reset`, epoch
 *   seconds, then may resend even a publish);
 * - `usage-capped` → `QuotaExceededError` (the app's monthly post cap);
 * - 403 on `POST /2/tweets` → `PlatformApiError` `x_post_refused` (duplicate content, reply rules):
 *   X refused before acting, and a reconnect would not help;
 * - other 403s, `client-forbidden`, `not-authorized-for-resource` → `AuthError` without reconnect;
 * - `invalid-request` → `PlatformApiError` `x_invalid_request` (X did not act);
 * - `resource-not-found` → `x_not_found`; 5xx, `internal-error`, `resource-unavailable`, codes 130/131 → retryable.
 */
export const mapXError: ErrorMapper = (context) => {
  if (context.status < 400) return undefined;
  const parsed = XProblemSchema.safeParse(context.body);
  const problem = parsed.success ? parsed.data : {};
  return problemToError(problem, context);
};

/** The fields of an X error answer the mapper reads. */
export type XProblem = z.infer<typeof XProblemSchema>;

/**
 * Turns one X problem (a failed answer, or one entry of a 200's partial `errors[]`) into a typed error.
 * `context.status` is the HTTP status, or the problem's own `status` for partial errors.
 */
export function problemToError(
  problem: XProblem,
  context: Pick<ErrorMapperContext, 'status' | 'headers' | 'request'>,
): GrowthError {
  const kind = problemKind(problem.type);
  const code = problem.code ?? problem.errors?.find((entry) => entry.code !== undefined)?.code;
  const status = context.status;
  const requestId = readRequestId(context.headers);
  const said = problem.detail ?? problem.message ?? problem.title ?? problem.errors?.[0]?.message;
  const what = `${context.request.method} ${context.request.url}`;
  const base = { platform: 'x', status, requestId, ...(code === undefined ? {} : { platformCode: code }) };
  const details = { type: problem.type, title: problem.title, detail: problem.detail, code };

  if (kind === 'usage-capped') {
    return new QuotaExceededError({
      platform: 'x',
      quota: 'x_app_usage_cap',
      message: `X refused ${what}: the app's usage cap is reached${said ? ` (${said})` : ''}.`,
      fix: 'wait for the usage period to renew or raise the app’s plan in the X developer console',
    });
  }
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    // X refuses a rate-limited call before acting, so even a publish may be sent again after the reset.
    return new RateLimitError({ ...base, status: 429, platformDidNotAct: true, details });
  }
  if (
    status === 401 ||
    (code !== undefined && AUTH_CODES.has(code)) ||
    kind === 'unsupported-authentication'
  ) {
    return new AuthError({
      ...base,
      code: 'x_unauthorized',
      needsReconnect: true,
      message: `X rejected the access token on ${what}. Reconnect the X account if a refresh does not help.`,
    });
  }
  if (code !== undefined && ACCOUNT_CODES.has(code)) {
    return new AuthError({
      ...base,
      code: 'x_account_locked',
      needsReconnect: true,
      message: `X refused ${what}: the account is locked or suspended. Unlock it on x.com, then reconnect.`,
    });
  }
  if (status === 403 && isPostCreation(context.request)) {
    return new PlatformApiError({
      ...base,
      code: 'x_post_refused',
      retryable: false,
      platformDidNotAct: true,
      details,
      message: `X refused the post (HTTP 403)${said ? `: ${said}` : ''}. Change the text (X rejects duplicates) or the reply target.`,
    });
  }
  if (
    status === 403 ||
    kind === 'client-forbidden' ||
    kind === 'not-authorized-for-resource' ||
    kind === 'not-authorized-for-field'
  ) {
    return new AuthError({
      ...base,
      code: 'x_forbidden',
      needsReconnect: false,
      message: `X denied ${what} (HTTP ${status})${said ? `: ${said}` : ''}. Reconnect granting the missing scopes, or check the app's access level.`,
    });
  }
  if (kind === 'invalid-request' || status === 400) {
    return new PlatformApiError({
      ...base,
      code: 'x_invalid_request',
      retryable: false,
      platformDidNotAct: true,
      details: { ...details, errors: problem.errors?.slice(0, 5) },
      message: `X rejected ${what} as invalid${said ? `: ${invalidReason(problem) ?? said}` : ''}.`,
    });
  }
  if (kind === 'resource-not-found' || status === 404) {
    return new PlatformApiError({
      ...base,
      code: 'x_not_found',
      retryable: false,
      details,
      message: `X found nothing for ${what}.`,
    });
  }
  const transient =
    status >= 500 ||
    kind === 'internal-error' ||
    kind === 'resource-unavailable' ||
    (code !== undefined && TRANSIENT_CODES.has(code));
  return new PlatformApiError({
    ...base,
    code: 'x_api_error',
    retryable: transient || status === 408,
    details,
    message: `X answered ${what} with HTTP ${status}${kind === undefined ? '' : ` (${kind})`}.`,
  });
}

/** The kind of a problem `type` URL (`https://api.x.com/2/problems/invalid-request` → `invalid-request`). */
function problemKind(type: string | undefined): ProblemKind | undefined {
  if (type === undefined) return undefined;
  const match = /\/2\/problems\/([a-z-]+)$/.exec(type);
  return match?.[1];
}

function isPostCreation(request: ErrorMapperContext['request']): boolean {
  return request.method === 'POST' && /\/2\/tweets(\?|$)/.test(request.url);
}

function invalidReason(problem: XProblem): string | undefined {
  const messages = problem.errors?.map((entry) => entry.message).filter((message) => message !== undefined);
  return messages !== undefined && messages.length > 0 ? messages.join('; ') : undefined;
}
