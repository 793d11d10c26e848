import type { FailureKind, FieldIssue } from '../failure';
import type { ErrorEnvelope } from './error-envelope';
import { randomHex, statusesOf, statusFor } from './error-envelope';

const PROBLEM_BASE = 'https://api.x.com/2/problems';

/**
 * X API v2 problems by failure kind. 401, 403, 429 and 503 come back as `about:blank` problems
 * with the HTTP reason as title and detail; the typed problems are those in X's OpenAPI `Problem` union.
 */
const X_PROBLEMS: Readonly<
  Record<FailureKind, { status: number; type: string; title: string; detail: string }>
> = {
  invalidRequest: {
    status: 400,
    type: `${PROBLEM_BASE}/invalid-request`,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
  },
  unauthorized: { status: 401, type: 'about:blank', title: 'Unauthorized', detail: 'Unauthorized' },
  forbidden: { status: 403, type: 'about:blank', title: 'Forbidden', detail: 'Forbidden' },
  notFound: {
    status: 404,
    type: `${PROBLEM_BASE}/resource-not-found`,
    title: 'Not Found Error',
    detail: 'Could not find the requested resource.',
  },
  rateLimited: { status: 429, type: 'about:blank', title: 'Too Many Requests', detail: 'Too Many Requests' },
  serverError: {
    status: 500,
    type: `${PROBLEM_BASE}/internal-error`,
    title: 'Internal Server Error',
    detail: 'Internal Server Error',
  },
  unavailable: {
    status: 503,
    type: 'about:blank',
    title: 'Service Unavailable',
    detail: 'Service Unavailable',
  },
};

/**
 * X API v2: `application/problem+json` bodies `{ type, title, detail, status }`; an invalid request
 * is `{ errors: [{ message, parameters }], title, detail, type }`. Rate-limit headers are
 * `x-rate-limit-limit`, `x-rate-limit-remaining` and `x-rate-limit-reset` (epoch **seconds**), sent on
 * every answer under a limit; X sends no `Retry-After`.
 */
export const xEnvelope: ErrorEnvelope = {
  name: 'x',
  statuses: statusesOf(X_PROBLEMS),
  requestIdHeader: 'x-transaction-id',
  createRequestId: () => randomHex(8),
  render(failure) {
    const problem = X_PROBLEMS[failure.kind];
    const status = statusFor(X_PROBLEMS, failure);
    const headers = { 'content-type': 'application/problem+json', ...failure.headers };
    if (failure.kind === 'invalidRequest') {
      const issues = failure.issues ?? [];
      const errors =
        issues.length > 0
          ? issues.map(toXError)
          : [{ message: failure.message ?? problem.detail, parameters: {} }];
      return {
        status,
        headers,
        body: { errors, title: problem.title, detail: problem.detail, type: problem.type, ...failure.extra },
      };
    }
    return {
      status,
      headers,
      body: {
        title: problem.title,
        detail: failure.message ?? problem.detail,
        type: typeof failure.code === 'string' ? `${PROBLEM_BASE}/${failure.code}` : problem.type,
        status,
        ...failure.extra,
      },
    };
  },
  rateLimitHeaders(usage) {
    return {
      'x-rate-limit-limit': String(usage.limit),
      'x-rate-limit-remaining': String(usage.remaining),
      'x-rate-limit-reset': String(Math.ceil(usage.resetAt.getTime() / 1000)),
    };
  },
};

function toXError(issue: FieldIssue): { message: string; parameters: Record<string, string[]> } {
  const field = issue.field === '' ? 'body' : issue.field;
  const value =
    issue.value === undefined
      ? []
      : [typeof issue.value === 'string' ? issue.value : JSON.stringify(issue.value)];
  const message = issue.missing
    ? `The \`${field}\` parameter is missing.`
    : `The \`${field}\` parameter is invalid: ${issue.message}`;
  return { message, parameters: { [field]: value } };
}
