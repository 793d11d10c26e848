import type { FailureKind, FieldIssue } from '../failure';
import type { ErrorEnvelope, RateLimitWindow } from './error-envelope';
import { randomHex, secondsUntil, statusesOf, statusFor } from './error-envelope';

interface MetaErrorRow {
  readonly status: number;
  readonly code: number;
  readonly type: string;
  readonly message: string;
  readonly isTransient: boolean;
}

/**
 * Graph API errors by failure kind. Graph answers most errors with HTTP 400 and tells them apart by
 * `code`: 100 invalid parameter, 190 invalid token, 200 permissions, 2500 unknown path, 4 app-level
 * throttling, 1/2 unknown or temporary failures. The HTTP status of a throttled call is not
 * documented; 429 is used so a generic client sees it too, and the code (4) is what adapters map.
 */
const META_ERRORS: Readonly<Record<FailureKind, MetaErrorRow>> = {
  invalidRequest: {
    status: 400,
    code: 100,
    type: 'OAuthException',
    message: 'Invalid parameter',
    isTransient: false,
  },
  unauthorized: {
    status: 400,
    code: 190,
    type: 'OAuthException',
    message: 'Invalid OAuth access token - Cannot parse access token',
    isTransient: false,
  },
  forbidden: {
    status: 403,
    code: 200,
    type: 'OAuthException',
    message: 'Permissions error',
    isTransient: false,
  },
  notFound: {
    status: 400,
    code: 2500,
    type: 'OAuthException',
    message: 'Unknown path components',
    isTransient: false,
  },
  rateLimited: {
    status: 429,
    code: 4,
    type: 'OAuthException',
    message: 'Application request limit reached',
    isTransient: true,
  },
  serverError: {
    status: 500,
    code: 1,
    type: 'OAuthException',
    message: 'An unknown error occurred',
    isTransient: true,
  },
  unavailable: {
    status: 503,
    code: 2,
    type: 'OAuthException',
    message: 'Service temporarily unavailable',
    isTransient: true,
  },
};

/** Settings for {@link createMetaEnvelope}. */
export interface MetaEnvelopeOptions {
  /** Object id keying `X-Business-Use-Case-Usage` (a Page, IG user or ad account id). Default `'1'`. */
  readonly businessUseCaseId?: string;
  /** Business use case type in that header (`pages`, `instagram`, `ads_management`, `ads_insights`). Default `pages`. */
  readonly businessUseCaseType?: string;
}

/**
 * Graph API (Facebook Pages, Instagram, Marketing API): `{ error: { message, type, code,
 * error_subcode, is_transient, fbtrace_id } }` with messages prefixed `(#code)`. Usage is reported in
 * `X-App-Usage` and `X-Business-Use-Case-Usage` (percentages, throttled at 100), never `Retry-After`;
 * the trace id also goes out as `x-fb-trace-id`.
 */
export function createMetaEnvelope(options: MetaEnvelopeOptions = {}): ErrorEnvelope {
  const useCaseId = options.businessUseCaseId ?? '1';
  const useCaseType = options.businessUseCaseType ?? 'pages';
  return {
    name: 'meta',
    statuses: statusesOf(META_ERRORS),
    requestIdHeader: 'x-fb-trace-id',
    createRequestId: () => Buffer.from(randomHex(8), 'hex').toString('base64url'),
    render(failure, context) {
      const row = META_ERRORS[failure.kind];
      const code = typeof failure.code === 'number' ? failure.code : row.code;
      const detail = failure.message ?? describeIssues(failure.issues) ?? row.message;
      const headers: Record<string, string> = { ...failure.headers };
      if (failure.kind === 'unauthorized') {
        headers['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${detail}"`;
      }
      return {
        status: statusFor(META_ERRORS, failure),
        headers,
        body: {
          error: {
            message: `(#${code}) ${detail}`,
            type: row.type,
            code,
            ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }),
            is_transient: row.isTransient,
            fbtrace_id: context.requestId,
            ...failure.extra,
          },
        },
      };
    },
    rateLimitHeaders(usage, context) {
      const percent = usedPercent(usage);
      const regainMinutes = usage.limited ? Math.ceil(secondsUntil(usage.resetAt, context.now) / 60) : 0;
      return {
        'x-app-usage': JSON.stringify({ call_count: percent, total_cputime: percent, total_time: percent }),
        'x-business-use-case-usage': JSON.stringify({
          [useCaseId]: [
            {
              type: useCaseType,
              call_count: percent,
              total_cputime: percent,
              total_time: percent,
              estimated_time_to_regain_access: regainMinutes,
            },
          ],
        }),
      };
    },
  };
}

/** The Graph API envelope with default usage-header settings; see {@link createMetaEnvelope}. */
export const metaEnvelope: ErrorEnvelope = createMetaEnvelope();

function usedPercent(usage: RateLimitWindow): number {
  if (usage.limited || usage.limit <= 0) return 100;
  return Math.min(100, Math.round(((usage.limit - usage.remaining) / usage.limit) * 100));
}

function describeIssues(issues: readonly FieldIssue[] | undefined): string | undefined {
  if (issues === undefined || issues.length === 0) return undefined;
  return issues
    .map((issue) =>
      issue.missing ? `The parameter ${issue.field} is required` : `Param ${issue.field} ${issue.message}`,
    )
    .join('; ');
}
