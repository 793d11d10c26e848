import type { FailureKind, FieldIssue } from '../failure';
import type { ErrorEnvelope } from './error-envelope';
import { randomHex, retryAfterHeader, statusesOf, statusFor } from './error-envelope';

/**
 * Pinterest API v5 errors by failure kind, with the codes its OpenAPI examples use (1 invalid
 * parameters, 2 authentication failed, 29 not permitted, 8 rate limit). A 429 may also mean spam
 * (`message_detail`), which a handler can add through `extra`.
 */
const PINTEREST_ERRORS: Readonly<Record<FailureKind, { status: number; code: number; message: string }>> = {
  invalidRequest: { status: 400, code: 1, message: 'Invalid parameters.' },
  unauthorized: { status: 401, code: 2, message: 'Authentication failed.' },
  forbidden: { status: 403, code: 29, message: 'You are not permitted to access that resource.' },
  notFound: { status: 404, code: 404, message: 'Not found.' },
  rateLimited: {
    status: 429,
    code: 8,
    message:
      'This request exceeded a rate limit. This can happen if the client exceeds one of the published rate limits within a short time window.',
  },
  serverError: { status: 500, code: 500, message: 'Internal server error.' },
  unavailable: { status: 503, code: 503, message: 'Service unavailable.' },
};

/**
 * Pinterest API v5: `{ code: number, message }`; the request id is in `x-pinterest-rid`. Pinterest's
 * rate-limit header names are not documented, so a 429 carries only `Retry-After`.
 */
export const pinterestEnvelope: ErrorEnvelope = {
  name: 'pinterest',
  statuses: statusesOf(PINTEREST_ERRORS),
  requestIdHeader: 'x-pinterest-rid',
  createRequestId: () => randomHex(8),
  render(failure) {
    const row = PINTEREST_ERRORS[failure.kind];
    return {
      status: statusFor(PINTEREST_ERRORS, failure),
      headers: { ...failure.headers },
      body: {
        code: typeof failure.code === 'number' ? failure.code : row.code,
        message: failure.message ?? describeIssues(failure.issues) ?? row.message,
        ...failure.extra,
      },
    };
  },
  rateLimitHeaders: retryAfterHeader,
};

function describeIssues(issues: readonly FieldIssue[] | undefined): string | undefined {
  if (issues === undefined || issues.length === 0) return undefined;
  const parts = issues.map((issue) =>
    issue.missing ? `'${issue.field}' is a required property` : `'${issue.field}' ${issue.message}`,
  );
  return `Invalid request: ${parts.join('; ')}`;
}
