import type { z } from 'zod';
import type { GrowthError } from '../errors/growth-error';
import type { Logger } from '../logging/logger';
import type { RateLimitKey, RateLimitUsage } from '../rate-limit/rate-limit-types';
import type { RateLimiter } from '../rate-limit/rate-limiter';

/** HTTP methods the kernel sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** A query-string value; arrays repeat the parameter, `undefined` leaves it out. */
export type SearchParamValue = string | number | boolean | undefined | readonly (string | number | boolean)[];

/**
 * Where an adapter gets the access token for a call. `getAccessToken` is asked once per request;
 * `refreshAfterUnauthorized` is called at most once per request, after the platform rejected the token
 * (HTTP 401 or an `AuthError` with `needsReconnect`), and its token is used for exactly one more try.
 */
export interface AccessTokenSource {
  /** The current access token (refreshed early by the vault when it is about to expire). */
  getAccessToken(): Promise<string>;
  /** Forces a refresh after the platform rejected the token and returns the new token. */
  refreshAfterUnauthorized?(): Promise<string>;
}

/** How a response body is read. */
export type ResponseType = 'json' | 'text' | 'bytes';

/** One call to a platform API. */
export interface HttpRequest<T = unknown> {
  /** HTTP method; defaults to `'GET'`. */
  method?: HttpMethod;
  /** Absolute URL, or a path joined to the client's `baseUrl` (`'tweets'` and `'/tweets'` both work). */
  url: string;
  /** Query parameters appended to the URL. */
  searchParams?: Record<string, SearchParamValue> | URLSearchParams;
  /** JSON body (sent as `application/json`). Use one of `json`, `form` or `body`. */
  json?: unknown;
  /** Form body (sent as `application/x-www-form-urlencoded`). */
  form?: Record<string, string | number | boolean | undefined> | URLSearchParams;
  /** Any other body (`FormData` for multipart, bytes, text). A `ReadableStream` body is never resent. */
  body?: BodyInit;
  /** Extra headers; `undefined` values are left out. */
  headers?: Record<string, string | undefined>;
  /**
   * Whether sending the request twice is harmless. Defaults to true for GET, HEAD, PUT, DELETE and
   * OPTIONS and false for POST and PATCH. A non-idempotent request is retried only when the failure
   * proves it never left this process (connection refused, DNS failure) or the platform says it did
   * not act on it (`PlatformApiError.platformDidNotAct`).
   */
  idempotent?: boolean;
  /** The rate-limit bucket the call spends from; every attempt goes through the client's rate limiter. */
  rateLimit?: RateLimitKey;
  /** Token source; the token goes into the `Authorization` header unless `authHeader`/`authQueryParam` say otherwise. */
  auth?: AccessTokenSource;
  /** Scheme put before the token; defaults to `'Bearer'` for `Authorization` and to none for a custom header. */
  authScheme?: string;
  /** Header that carries the token, such as `'Access-Token'` (TikTok); defaults to `'Authorization'`. */
  authHeader?: string;
  /** Query parameter that carries the token instead of a header, such as `'access_token'` (Meta Graph). */
  authQueryParam?: string;
  /** Cancels the call: aborting stops the current attempt and any pending retry at once. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds, until the response headers arrive; defaults to the client's `timeoutMs`. */
  timeoutMs?: number;
  /** How to read the body; defaults to `'json'` (an empty body gives `undefined`, a non-JSON body its text). */
  responseType?: ResponseType;
  /**
   * Schema for a successful body. A mismatch raises a `PlatformApiError` with code
   * `'unexpected_response'` (never retried). Keep it minimal and tolerant: only the fields you use.
   */
  responseSchema?: z.ZodType<T>;
}

/** A successful answer. */
export interface HttpResponse<T = unknown> {
  /** HTTP status (2xx, or whatever the error mapper let through). */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The parsed (and, with `responseSchema`, validated) body. */
  data: T;
  /** How many HTTP requests this call took (1 when nothing was retried). */
  attempts: number;
  /** The platform's request or trace id, when it sent one. */
  requestId: string | undefined;
}

/** What an {@link ErrorMapper} is shown about one platform answer. */
export interface ErrorMapperContext {
  /** Platform id of the client. */
  platform: string;
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed body: JSON when it parses, otherwise text, `undefined` when empty. */
  body: unknown;
  /** The request, with secrets already redacted from the URL. */
  request: { method: HttpMethod; url: string };
}

/**
 * Turns one platform answer into a typed error, by the platform's error CODE (never by matching message
 * text), or returns `undefined` when the answer is a success. It is called for every response, so a
 * platform that reports errors with HTTP 200 (TikTok's `code != 0`) is handled too. When an adapter's
 * mapper returns `undefined` for a 4xx/5xx, the default mapper (`defaultErrorMapper`) decides.
 * Mark transient platform codes with `retryable: true`, and set `platformDidNotAct: true` when the
 * platform guarantees nothing happened (so even a publish may be resent).
 */
export type ErrorMapper = (context: ErrorMapperContext) => GrowthError | undefined;

/** Retry settings of the single retry layer. */
export interface HttpRetryOptions {
  /** Maximum number of retries after the first attempt (so at most `maxAttempts + 1` requests); default 3. */
  maxAttempts?: number;
  /**
   * Most time, in milliseconds, spent waiting between attempts of one call; default 60 000. When the
   * wait the platform requires (or the next backoff) would go past it, the call fails at once with the
   * typed error (a `RateLimitError` with `resetAt` for a 429).
   */
  maxTotalWaitMs?: number;
  /** First backoff delay in milliseconds when the platform gives none; doubles per retry, with jitter; default 500. */
  baseDelayMs?: number;
  /** Largest single backoff delay in milliseconds; default 30 000. */
  maxDelayMs?: number;
}

/** Options for `createHttpClient`. */
export interface HttpClientOptions {
  /** Platform id used in errors and logs. */
  platform: string;
  /** Base URL that relative request URLs are joined to. */
  baseUrl?: string;
  /** `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Headers sent with every request (such as a `User-Agent`). */
  headers?: Record<string, string>;
  /** The adapter's error mapper; see {@link ErrorMapper}. */
  mapError?: ErrorMapper;
  /** Retry settings; see {@link HttpRetryOptions}. */
  retry?: HttpRetryOptions;
  /** Rate limiter that requests with a `rateLimit` key go through (each attempt once). */
  rateLimiter?: RateLimiter;
  /** Logger (wrapped so that secrets are redacted); defaults to a silent one. */
  logger?: Logger;
  /**
   * Per-attempt timeout in milliseconds, until the response headers arrive (an attempt that times out is
   * cancelled and fails with code `'timeout'`); default 30 000.
   */
  timeoutMs?: number;
  /**
   * Overrides whether a failure is worth retrying: return true for a transient platform code, false
   * to stop retrying, `undefined` to keep the kernel's decision. Idempotency rules still apply.
   */
  isTransient?(error: GrowthError): boolean | undefined;
  /**
   * Reads the platform's usage headers after every response of a call with a `rateLimit` key and
   * reports them to the rate limiter (see `RateLimiter.reportUsage`). Defaults to
   * `readRateLimitHeaders` (`x-rate-limit-limit|remaining|reset` and `x-ratelimit-*`); adapters
   * supply their own for other headers (Meta's `X-Business-Use-Case-Usage`).
   */
  readUsage?(headers: Headers): RateLimitUsage | undefined;
}

/** Sends platform API calls with one retry layer, rate limiting, typed errors and secret redaction. */
export interface HttpClient {
  /** Platform id of the client. */
  readonly platform: string;
  /**
   * Sends one call (retrying what is safe to retry) and resolves with the parsed response, or rejects
   * with a typed `GrowthError` (with `attempts` set) or, after an abort, with the signal's reason.
   */
  request<T = unknown>(request: HttpRequest<T>): Promise<HttpResponse<T>>;
}
