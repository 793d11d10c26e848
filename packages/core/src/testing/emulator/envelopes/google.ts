import type { EmulatorFailure, FailureKind, FieldIssue } from '../failure';
import type { EnvelopeContext, ErrorEnvelope } from './error-envelope';
import { randomHex, statusesOf, statusFor } from './error-envelope';

interface GoogleErrorRow {
  readonly status: number;
  readonly grpcStatus: string;
  /** Legacy `errors[].reason` (YouTube and other discovery APIs still send it). */
  readonly reason: string;
  readonly message: string;
  /** Google Ads `errorCode` member for this kind, when the Ads API has one. */
  readonly adsErrorCode?: Readonly<Record<string, string>>;
}

/** Google API errors by failure kind (the canonical `google.rpc.Code` names). */
const GOOGLE_ERRORS: Readonly<Record<FailureKind, GoogleErrorRow>> = {
  invalidRequest: {
    status: 400,
    grpcStatus: 'INVALID_ARGUMENT',
    reason: 'badRequest',
    message: 'Request contains an invalid argument.',
    adsErrorCode: { requestError: 'INVALID_INPUT' },
  },
  unauthorized: {
    status: 401,
    grpcStatus: 'UNAUTHENTICATED',
    reason: 'authError',
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    adsErrorCode: { authenticationError: 'OAUTH_TOKEN_INVALID' },
  },
  forbidden: {
    status: 403,
    grpcStatus: 'PERMISSION_DENIED',
    reason: 'forbidden',
    message: 'The caller does not have permission',
    adsErrorCode: { authorizationError: 'USER_PERMISSION_DENIED' },
  },
  notFound: {
    status: 404,
    grpcStatus: 'NOT_FOUND',
    reason: 'notFound',
    message: 'Requested entity was not found.',
  },
  rateLimited: {
    status: 429,
    grpcStatus: 'RESOURCE_EXHAUSTED',
    reason: 'rateLimitExceeded',
    message: 'Resource has been exhausted (e.g. check quota).',
    adsErrorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
  },
  serverError: {
    status: 500,
    grpcStatus: 'INTERNAL',
    reason: 'backendError',
    message: 'Internal error encountered.',
    adsErrorCode: { internalError: 'INTERNAL_ERROR' },
  },
  unavailable: {
    status: 503,
    grpcStatus: 'UNAVAILABLE',
    reason: 'backendError',
    message: 'The service is currently unavailable.',
    adsErrorCode: { internalError: 'TRANSIENT_ERROR' },
  },
};

/** Settings for {@link createGoogleEnvelope}. */
export interface GoogleEnvelopeOptions {
  /**
   * Google Ads API version (`'v26'`). When set, `details` carry a `GoogleAdsFailure` (with
   * `quotaErrorDetails.retryDelay` on a 429) as the Ads REST API sends; otherwise the standard
   * `google.rpc` details (`BadRequest`, `RetryInfo`) as YouTube and other Google APIs send.
   */
  readonly adsApiVersion?: string;
}

/**
 * Google APIs: `{ error: { code, message, errors: [{ message, domain, reason }], status, details } }`.
 * The retry delay of a 429 is in the body (`retryDelay: "30s"`), not in a header.
 */
export function createGoogleEnvelope(options: GoogleEnvelopeOptions = {}): ErrorEnvelope {
  const adsVersion = options.adsApiVersion;
  return {
    name: adsVersion === undefined ? 'google' : 'googleAds',
    statuses: statusesOf(GOOGLE_ERRORS),
    createRequestId: () => randomHex(11).slice(0, 22),
    render(failure, context) {
      const row = GOOGLE_ERRORS[failure.kind];
      const status = statusFor(GOOGLE_ERRORS, failure);
      const message = failure.message ?? describeIssues(failure.issues) ?? row.message;
      const details =
        adsVersion === undefined
          ? rpcDetails(failure)
          : adsDetails(adsVersion, row, failure, message, context);
      return {
        status,
        headers: { ...failure.headers },
        body: {
          error: {
            code: status,
            message,
            errors: [
              {
                message,
                domain: 'global',
                reason: typeof failure.code === 'string' ? failure.code : row.reason,
              },
            ],
            status: row.grpcStatus,
            ...(details.length > 0 ? { details } : {}),
            ...failure.extra,
          },
        },
      };
    },
    rateLimitHeaders: () => ({}),
  };
}

/** Google APIs with standard `google.rpc` details; see {@link createGoogleEnvelope}. */
export const googleEnvelope: ErrorEnvelope = createGoogleEnvelope();

/** Google Ads REST API v26 with `GoogleAdsFailure` details; see {@link createGoogleEnvelope}. */
export const googleAdsEnvelope: ErrorEnvelope = createGoogleEnvelope({ adsApiVersion: 'v26' });

function rpcDetails(failure: EmulatorFailure): unknown[] {
  if (failure.kind === 'invalidRequest' && failure.issues !== undefined && failure.issues.length > 0) {
    return [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: failure.issues.map((issue) => ({ field: issue.field, description: issue.message })),
      },
    ];
  }
  if (failure.kind === 'rateLimited') {
    return [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: retryDelay(failure) }];
  }
  return [];
}

function adsDetails(
  version: string,
  row: GoogleErrorRow,
  failure: EmulatorFailure,
  message: string,
  context: EnvelopeContext,
): unknown[] {
  if (row.adsErrorCode === undefined) return [];
  const errors =
    failure.kind === 'invalidRequest' && failure.issues !== undefined && failure.issues.length > 0
      ? failure.issues.map((issue) => ({
          errorCode: issue.missing ? { fieldError: 'REQUIRED' } : row.adsErrorCode,
          message: issue.missing ? 'The required field was not present.' : issue.message,
          location: { fieldPathElements: fieldPath(issue) },
        }))
      : [
          {
            errorCode: row.adsErrorCode,
            message,
            ...(failure.kind === 'rateLimited'
              ? {
                  details: {
                    quotaErrorDetails: {
                      rateScope: 'DEVELOPER',
                      rateName: 'Number of operations for basic access',
                      retryDelay: retryDelay(failure),
                    },
                  },
                }
              : {}),
          },
        ];
  return [
    {
      '@type': `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`,
      errors,
      requestId: context.requestId,
    },
  ];
}

function retryDelay(failure: EmulatorFailure): string {
  return `${failure.retryAfterSeconds ?? 1}s`;
}

/** `operations.0.create.name` → `[{ fieldName: 'operations', index: 0 }, { fieldName: 'create' }, ...]`. */
function fieldPath(issue: FieldIssue): Array<{ fieldName: string; index?: number }> {
  const elements: Array<{ fieldName: string; index?: number }> = [];
  for (const segment of issue.field.split('.')) {
    const last = elements[elements.length - 1];
    if (/^\d+$/.test(segment) && last !== undefined && last.index === undefined) last.index = Number(segment);
    else if (segment !== '') elements.push({ fieldName: segment });
  }
  return elements;
}

function describeIssues(issues: readonly FieldIssue[] | undefined): string | undefined {
  if (issues === undefined || issues.length === 0) return undefined;
  return issues
    .map((issue) =>
      issue.missing
        ? `Missing required field: ${issue.field}`
        : `Invalid value at '${issue.field}': ${issue.message}`,
    )
    .join('; ');
}
