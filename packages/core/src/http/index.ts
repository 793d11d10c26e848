/**
 * The HTTP kernel: a thin transport over `fetch` (per-attempt timeout, caller's signal), wrapped by
 * exactly one p-retry layer, rate-limit aware, with typed errors and secret redaction. See
 * {@link createHttpClient}.
 *
 * @module
 */
export { createHttpClient } from './create-http-client';
export { defaultErrorMapper } from './default-error-mapper';
export type {
  AccessTokenSource,
  ErrorMapper,
  ErrorMapperContext,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  HttpRetryOptions,
  ResponseType,
  SearchParamValue,
} from './http-types';
export { readRateLimitHeaders } from './rate-limit-headers';
export { readRequestId } from './request-id';
export { backoffDelayMs, parseResetHeader, parseRetryAfter, platformRetryDelayMs } from './retry-delay';
