import type { FailureKind, FieldIssue } from '../failure';
import type { ErrorEnvelope } from './error-envelope';
import { randomHex, retryAfterHeader, statusesOf, statusFor } from './error-envelope';

/**
 * RFC 6749 §5.2 error codes by failure kind. `invalid_grant`, `unsupported_grant_type` and
 * `invalid_scope` are `invalidRequest` failures with an explicit `code`.
 */
const OAUTH_ERRORS: Readonly<Record<FailureKind, { status: number; error: string; description: string }>> = {
  invalidRequest: {
    status: 400,
    error: 'invalid_request',
    description: 'The request is missing a required parameter.',
  },
  unauthorized: { status: 401, error: 'invalid_client', description: 'Client authentication failed.' },
  forbidden: {
    status: 400,
    error: 'unauthorized_client',
    description: 'The client is not authorized to use this grant type.',
  },
  notFound: { status: 404, error: 'invalid_request', description: 'Unknown endpoint.' },
  rateLimited: { status: 429, error: 'temporarily_unavailable', description: 'Too many requests.' },
  serverError: {
    status: 500,
    error: 'server_error',
    description: 'The server encountered an unexpected error.',
  },
  unavailable: {
    status: 503,
    error: 'temporarily_unavailable',
    description: 'The server is temporarily unavailable.',
  },
};

/**
 * A generic OAuth 2.0 token endpoint (RFC 6749 §5.2): `{ error, error_description }`, 400 for
 * request errors, 401 with `WWW-Authenticate: Basic` for failed client authentication, and
 * `Cache-Control: no-store`. A 429 carries `Retry-After`.
 *
 * @example
 * ```ts
 * fail('invalidRequest', { code: 'invalid_grant', message: 'Authorization code expired.' })
 * // → 400 { "error": "invalid_grant", "error_description": "Authorization code expired." }
 * ```
 */
export const oauthEnvelope: ErrorEnvelope = {
  name: 'oauth',
  statuses: statusesOf(OAUTH_ERRORS),
  createRequestId: () => randomHex(8),
  render(failure) {
    const row = OAUTH_ERRORS[failure.kind];
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      pragma: 'no-cache',
      ...failure.headers,
    };
    if (failure.kind === 'unauthorized') headers['www-authenticate'] = 'Basic realm="oauth"';
    return {
      status: statusFor(OAUTH_ERRORS, failure),
      headers,
      body: {
        error: typeof failure.code === 'string' ? failure.code : row.error,
        error_description: failure.message ?? describeIssues(failure.issues) ?? row.description,
        ...failure.extra,
      },
    };
  },
  rateLimitHeaders: retryAfterHeader,
};

function describeIssues(issues: readonly FieldIssue[] | undefined): string | undefined {
  if (issues === undefined || issues.length === 0) return undefined;
  return issues
    .map((issue) =>
      issue.missing
        ? `Missing required parameter: ${issue.field}`
        : `Invalid ${issue.field}: ${issue.message}`,
    )
    .join('; ');
}
