import type { FailureKind, FieldIssue } from '../failure';
import type { ErrorEnvelope } from './error-envelope';
import { randomHex, retryAfterHeader, statusesOf, statusFor } from './error-envelope';

/**
 * TikTok v2 open API (`open.tiktokapis.com`: Login Kit, Content Posting, Display) errors by failure
 * kind: real HTTP statuses with a string `error.code`. `scope_not_authorized` is a 401 on TikTok.
 * The code for an unknown route is not documented; `not_found` is used.
 */
const TIKTOK_ERRORS: Readonly<Record<FailureKind, { status: number; code: string; message: string }>> = {
  invalidRequest: {
    status: 400,
    code: 'invalid_params',
    message: 'One or more fields in the request are invalid.',
  },
  unauthorized: {
    status: 401,
    code: 'access_token_invalid',
    message: 'The access token is invalid or not found in the request.',
  },
  forbidden: {
    status: 401,
    code: 'scope_not_authorized',
    message: 'The user did not authorize the scope required for completing this request.',
  },
  notFound: { status: 404, code: 'not_found', message: 'The requested path was not found.' },
  rateLimited: { status: 429, code: 'rate_limit_exceeded', message: 'The API rate limit was exceeded.' },
  serverError: { status: 500, code: 'internal_error', message: 'Internal error.' },
  unavailable: { status: 503, code: 'internal_error', message: 'Service temporarily unavailable.' },
};

/**
 * TikTok v2 open API: `{ data: {}, error: { code, message, log_id } }` with real HTTP statuses
 * (`access_token_invalid` 401, `invalid_params` 400, `rate_limit_exceeded` 429, `internal_error`
 * 500). The log id also goes out as `x-tt-logid`; a 429 carries `Retry-After`.
 */
export const tiktokEnvelope: ErrorEnvelope = {
  name: 'tiktok',
  statuses: statusesOf(TIKTOK_ERRORS),
  requestIdHeader: 'x-tt-logid',
  createRequestId: tiktokLogId,
  render(failure, context) {
    const row = TIKTOK_ERRORS[failure.kind];
    return {
      status: statusFor(TIKTOK_ERRORS, failure),
      headers: { ...failure.headers },
      body: {
        data: {},
        error: {
          code: typeof failure.code === 'string' ? failure.code : row.code,
          message: failure.message ?? describeIssues(failure.issues) ?? row.message,
          log_id: context.requestId,
          ...failure.extra,
        },
      },
    };
  },
  rateLimitHeaders: retryAfterHeader,
};

/**
 * TikTok API for Business (Marketing API) codes by failure kind. The HTTP status is 200 for
 * everything the API itself answers; the numeric `code` says what happened (0 is success). An unknown
 * route is answered with a 404 status, since no API code applies. Codes beyond 40002 (missing or
 * invalid field) are from third-party lists and not confirmed by an official spec.
 */
const MARKETING_ERRORS: Readonly<Record<FailureKind, { status: number; code: number; message: string }>> = {
  invalidRequest: { status: 200, code: 40002, message: 'Invalid parameters.' },
  unauthorized: { status: 200, code: 40105, message: 'The access token is missing or incorrect.' },
  forbidden: { status: 200, code: 40001, message: 'No permission to perform this operation.' },
  notFound: { status: 404, code: 40007, message: 'The requested path was not found.' },
  rateLimited: { status: 200, code: 40100, message: 'Too many requests. Please retry later.' },
  serverError: { status: 200, code: 50000, message: 'System error.' },
  unavailable: { status: 200, code: 50002, message: 'Service temporarily unavailable.' },
};

/**
 * TikTok Marketing API (`business-api.tiktok.com/open_api/v1.3`): HTTP **200** with
 * `{ code, message, request_id, data: {} }`, where a non-zero `code` is the error (`40002` bad
 * parameter, `40105` bad token, `40100` throttled, `5xxxx` server). No rate-limit headers.
 */
export const tiktokMarketingEnvelope: ErrorEnvelope = {
  name: 'tiktokMarketing',
  statuses: statusesOf(MARKETING_ERRORS),
  createRequestId: tiktokLogId,
  render(failure, context) {
    const row = MARKETING_ERRORS[failure.kind];
    return {
      status: statusFor(MARKETING_ERRORS, failure),
      headers: { ...failure.headers },
      body: {
        code: typeof failure.code === 'number' ? failure.code : row.code,
        message: failure.message ?? describeIssues(failure.issues) ?? row.message,
        request_id: context.requestId,
        data: {},
        ...failure.extra,
      },
    };
  },
  rateLimitHeaders: () => ({}),
};

/** A log id in TikTok's shape: a UTC timestamp then 18 upper-case hex digits. */
function tiktokLogId(): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${randomHex(9).toUpperCase()}`;
}

function describeIssues(issues: readonly FieldIssue[] | undefined): string | undefined {
  if (issues === undefined || issues.length === 0) return undefined;
  return issues
    .map((issue) =>
      issue.missing ? `${issue.field}: Missing data for required field.` : `${issue.field}: ${issue.message}`,
    )
    .join(' ');
}
