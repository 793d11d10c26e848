import { AuthError } from '../errors/auth-error';
import type { GrowthError } from '../errors/growth-error';
import { PlatformApiError, RateLimitError } from '../errors/platform-api-error';
import type { ErrorMapperContext } from './http-types';
import { readRequestId } from './request-id';
import { platformRetryDelayMs } from './retry-delay';

/**
 * The kernel's fallback error mapper, by HTTP status only: 2xx/3xx is a success; 401 → `AuthError`
 * (`needsReconnect: true`: the token was rejected); 403 → `AuthError` (`needsReconnect: false`: a
 * permission is missing); 429 → `RateLimitError` with `resetAt` from `Retry-After`/`x-rate-limit-reset`;
 * anything else → `PlatformApiError`, retryable for 408 and 5xx. The body is kept (redacted) as `details`.
 */
export function defaultErrorMapper(context: ErrorMapperContext): GrowthError | undefined {
  const { status, platform, headers, request } = context;
  if (status < 400) return undefined;
  const requestId = readRequestId(headers);
  const what = `${request.method} ${request.url}`;
  if (status === 401 || status === 403) {
    return new AuthError({
      platform,
      status,
      requestId,
      needsReconnect: status === 401,
      message:
        status === 401
          ? `${platform} rejected the access token (HTTP 401 on ${what}). Reconnect the account if a refresh does not help.`
          : `${platform} denied access (HTTP 403 on ${what}). Reconnect with the missing permissions or grant access on the platform.`,
    });
  }
  if (status === 429) {
    const delay = platformRetryDelayMs(status, headers, context.body);
    return new RateLimitError({
      platform,
      requestId,
      resetAt: delay === undefined ? undefined : new Date(Date.now() + delay),
      details: truncatedBody(context.body),
    });
  }
  return new PlatformApiError({
    platform,
    status,
    requestId,
    details: truncatedBody(context.body),
    message: `${platform} API call ${what} failed with HTTP ${status}.`,
  });
}

const MAX_DETAIL_TEXT = 2_000;

function truncatedBody(body: unknown): unknown {
  if (typeof body === 'string' && body.length > MAX_DETAIL_TEXT) return `${body.slice(0, MAX_DETAIL_TEXT)}…`;
  return body;
}
