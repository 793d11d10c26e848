import pRetry from 'p-retry';
import { AuthError } from '../errors/auth-error';
import { redactErrorSecrets } from '../errors/error-secret-scrub';
import { GrowthError } from '../errors/growth-error';
import { PlatformApiError, RateLimitError } from '../errors/platform-api-error';
import { redactSecrets } from '../errors/redaction';
import type { Logger } from '../logging/logger';
import { abortableDelay } from '../rate-limit/abortable-delay';
import type { RateLimitUsage } from '../rate-limit/rate-limit-types';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { defaultErrorMapper } from './default-error-mapper';
import { AttemptTimeoutError, type FetchedAnswer, fetchOnce } from './fetch-transport';
import type { ErrorMapper, ErrorMapperContext, HttpMethod, HttpRequest, HttpResponse } from './http-types';
import { readRequestId } from './request-id';
import { buildRequestInit, isOneShotBody, type OutgoingInit } from './request-init';
import { appendQueryParam, resolveRequestUrl } from './request-url';
import { backoffDelayMs, platformRetryDelayMs } from './retry-delay';
import { classifyTransportFailure } from './transport-failure';

/** Client settings with every default applied; built once by `createHttpClient`. */
export interface ResolvedHttpClient {
  platform: string;
  baseUrl: string | undefined;
  /** The injected `fetch`; `undefined` for the global one. */
  fetch: typeof fetch | undefined;
  /** Headers sent with every request; `undefined` when there are none. */
  headers: Record<string, string> | undefined;
  mapError: ErrorMapper | undefined;
  maxRetries: number;
  maxTotalWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  rateLimiter: RateLimiter | undefined;
  /** `undefined` when logging is off, so the hot path builds no log fields. */
  logger: Logger | undefined;
  timeoutMs: number;
  isTransient: ((error: GrowthError) => boolean | undefined) | undefined;
  readUsage: (headers: Headers) => RateLimitUsage | undefined;
}

/**
 * Runs one `HttpRequest` to completion: the fetch transport sends each attempt (it never retries), and
 * exactly one p-retry loop sends again when the single retry decision says so. Every attempt goes
 * through the rate limiter once.
 */
export function executeHttpCall<T>(
  client: ResolvedHttpClient,
  request: HttpRequest<T>,
): Promise<HttpResponse<T>> {
  return new HttpCall(client, request).run();
}

/** The most recent failed attempt, as the retry decision needs it. */
interface AttemptFailure {
  error: GrowthError;
  /** The request provably never left this process. */
  neverSent: boolean;
  /** The wait the platform asked for, in milliseconds. */
  serverDelayMs: number | undefined;
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

class HttpCall<T> {
  readonly #client: ResolvedHttpClient;
  readonly #request: HttpRequest<T>;
  readonly #method: HttpMethod;
  readonly #url: string;
  readonly #idempotent: boolean;
  /** False for a stream body (web or Node), which cannot be sent a second time. */
  readonly #replayable: boolean;
  readonly #signal: AbortSignal | undefined;
  #attempts = 0;
  #retries = 0;
  #waitedMs = 0;
  #refreshed = false;
  #token: string | undefined;
  readonly #secrets: string[] = [];
  #lastFailure: AttemptFailure | undefined;
  #init: OutgoingInit | undefined;
  #initToken: string | undefined;

  constructor(client: ResolvedHttpClient, request: HttpRequest<T>) {
    this.#client = client;
    this.#request = request;
    this.#method = request.method ?? 'GET';
    this.#url = resolveRequestUrl(client.baseUrl, request.url, request.searchParams);
    this.#idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(this.#method);
    this.#replayable = !isOneShotBody(request.body);
    this.#signal = request.signal;
  }

  async run(): Promise<HttpResponse<T>> {
    try {
      // The first attempt runs before p-retry is set up, since most calls succeed at once and p-retry's
      // set-up costs more than the rest of the kernel. A failure gets the same single decision
      // (`#afterFailure`), and any further attempt runs in the p-retry loop: still the one retry layer.
      this.#signal?.throwIfAborted();
      try {
        const response = await this.#attemptThroughLimiter();
        this.#signal?.throwIfAborted();
        return response;
      } catch (thrown) {
        await this.#afterFailure(thrown);
      }
      return await pRetry(this.#attemptThroughLimiter, {
        // `#afterFailure` decides every retry; this ceiling (the retries left after the first attempt,
        // plus one for the single refresh-and-retry) is never what stops the loop.
        retries: this.#client.maxRetries,
        minTimeout: 0,
        factor: 1,
        signal: this.#signal,
        onFailedAttempt: ({ error }) => this.#afterFailure(error),
      });
    } catch (thrown) {
      throw this.#finalError(thrown);
    }
  }

  readonly #attemptThroughLimiter = (): Promise<HttpResponse<T>> => {
    const { rateLimiter } = this.#client;
    const key = this.#request.rateLimit;
    if (rateLimiter === undefined || key === undefined) return this.#send();
    return rateLimiter.schedule(key, this.#send, { signal: this.#signal });
  };

  readonly #send = async (): Promise<HttpResponse<T>> => {
    this.#attempts++;
    this.#lastFailure = undefined;
    const token = this.#request.auth === undefined ? undefined : await this.#currentToken();
    const { authQueryParam } = this.#request;
    const url =
      token !== undefined && authQueryParam !== undefined
        ? appendQueryParam(this.#url, authQueryParam, token)
        : this.#url;
    this.#client.logger?.debug('http attempt', {
      platform: this.#client.platform,
      method: this.#method,
      url: this.#redacted(url),
      attempt: this.#attempts,
    });
    let answer: FetchedAnswer;
    try {
      answer = await fetchOnce({
        fetch: this.#client.fetch,
        url,
        init: this.#requestInit(token),
        timeoutMs: this.#request.timeoutMs ?? this.#client.timeoutMs,
        signal: this.#signal,
        responseType: this.#request.responseType ?? 'json',
      });
    } catch (thrown) {
      throw this.#transportFailure(thrown);
    }
    const { response, body } = answer;
    this.#reportUsage(response.headers);
    const mapped = this.#mapError(response, body);
    if (mapped !== undefined) throw this.#httpFailure(mapped, response, body);
    return this.#success(response, body);
  };

  /** What `fetch` is given; built once per call and again only when the token changes. */
  #requestInit(token: string | undefined): OutgoingInit {
    if (this.#init === undefined || this.#initToken !== token) {
      this.#init = buildRequestInit(this.#method, this.#client.headers, this.#request, token);
      this.#initToken = token;
    }
    return this.#init;
  }

  async #currentToken(): Promise<string | undefined> {
    const { auth } = this.#request;
    if (auth === undefined) return undefined;
    if (this.#token === undefined) {
      try {
        this.#remember(await auth.getAccessToken());
      } catch (thrown) {
        throw this.#tokenFailure(thrown, 'getting');
      }
    }
    return this.#token;
  }

  #remember(token: string): void {
    this.#token = token;
    if (!this.#secrets.includes(token)) this.#secrets.push(token);
  }

  #reportUsage(headers: Headers): void {
    const { rateLimiter } = this.#client;
    const key = this.#request.rateLimit;
    if (rateLimiter === undefined || key === undefined) return;
    const usage = this.#client.readUsage(headers);
    if (usage !== undefined) rateLimiter.reportUsage(key, usage);
  }

  #mapError(response: Response, body: unknown): GrowthError | undefined {
    const { mapError } = this.#client;
    const status = response.status;
    if (mapError === undefined && status < 400) return undefined;
    const context: ErrorMapperContext = {
      platform: this.#client.platform,
      status,
      headers: response.headers,
      body,
      request: { method: this.#method, url: this.#redacted(this.#url) },
    };
    return mapError?.(context) ?? defaultErrorMapper(context);
  }

  #httpFailure(error: GrowthError, response: Response, body: unknown): GrowthError {
    const now = Date.now();
    let serverDelayMs = platformRetryDelayMs(response.status, response.headers, body, now);
    if (RateLimitError.isInstance(error)) {
      if (error.resetAt === undefined && serverDelayMs !== undefined)
        error.resetAt = new Date(now + serverDelayMs);
      if (error.resetAt !== undefined) {
        serverDelayMs = Math.max(serverDelayMs ?? 0, error.resetAt.getTime() - now);
        const key = this.#request.rateLimit;
        if (key !== undefined) this.#client.rateLimiter?.pauseUntil(key, error.resetAt);
      }
    }
    this.#lastFailure = { error, neverSent: false, serverDelayMs };
    return error;
  }

  #success(response: Response, body: unknown): HttpResponse<T> {
    let data = body as T;
    const schema = this.#request.responseSchema;
    if (schema !== undefined) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw this.#unexpectedResponse(response, parsed.error.issues);
      data = parsed.data;
    }
    return {
      status: response.status,
      headers: response.headers,
      data,
      attempts: this.#attempts,
      get requestId() {
        return readRequestId(response.headers);
      },
    };
  }

  #unexpectedResponse(
    response: Response,
    issues: readonly { path: PropertyKey[]; message: string }[],
  ): GrowthError {
    const described = issues.slice(0, 5).map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const first = described[0];
    const error = new PlatformApiError({
      platform: this.#client.platform,
      status: response.status,
      code: 'unexpected_response',
      retryable: false,
      requestId: readRequestId(response.headers),
      message: `${this.#client.platform} API call ${this.#what()} answered with a body that does not match the expected shape${first === undefined ? '' : ` (${first.path}: ${first.message})`}.`,
      details: { issues: described },
    });
    this.#lastFailure = { error, neverSent: false, serverDelayMs: undefined };
    return error;
  }

  #transportFailure(thrown: unknown): unknown {
    if (this.#signal?.aborted) return this.#signal.reason;
    const failure = classifyTransportFailure(
      thrown,
      this.#client.platform,
      this.#what(),
      thrown instanceof AttemptTimeoutError,
    );
    this.#lastFailure = { error: failure.error, neverSent: failure.neverSent, serverDelayMs: undefined };
    return failure.error;
  }

  #tokenFailure(thrown: unknown, doing: 'getting' | 'refreshing'): GrowthError {
    if (GrowthError.isInstance(thrown)) return thrown;
    return new AuthError({
      platform: this.#client.platform,
      message: `${doing === 'getting' ? 'Getting' : 'Refreshing'} the ${this.#client.platform} access token failed. Reconnect the account if this persists.`,
      cause: thrown,
    });
  }

  /** The single retry decision, run after every failed attempt (by p-retry after the first). */
  async #afterFailure(error: unknown): Promise<void> {
    if (this.#signal?.aborted) throw this.#signal.reason;
    const failure = this.#lastFailure;
    if (failure === undefined || failure.error !== error) throw error;
    if (this.#shouldRefresh(failure.error)) {
      this.#refreshed = true;
      await this.#refreshToken();
      // A one-shot stream body was consumed by the refused attempt: the refresh still ran (so the next
      // call works), but this call ends with the auth failure instead of resending an empty stream.
      if (!this.#replayable && !failure.neverSent) throw failure.error;
      return;
    }
    if (!this.#isRetryable(failure) || this.#retries >= this.#client.maxRetries) throw failure.error;
    const delay =
      failure.serverDelayMs ??
      backoffDelayMs(this.#retries, this.#client.baseDelayMs, this.#client.maxDelayMs);
    if (this.#waitedMs + delay > this.#client.maxTotalWaitMs) {
      this.#client.logger?.warn('http retry would exceed the total wait budget; failing now', {
        platform: this.#client.platform,
        url: this.#redacted(this.#url),
        waitMs: delay,
        waitedMs: this.#waitedMs,
      });
      throw failure.error;
    }
    this.#retries++;
    this.#waitedMs += delay;
    this.#client.logger?.warn('http retry', {
      platform: this.#client.platform,
      url: this.#redacted(this.#url),
      code: failure.error.code,
      attempt: this.#attempts,
      waitMs: delay,
    });
    if (delay > 0) await abortableDelay(delay, this.#signal);
  }

  #shouldRefresh(error: GrowthError): boolean {
    if (this.#refreshed || this.#request.auth?.refreshAfterUnauthorized === undefined) return false;
    if (AuthError.isInstance(error)) return error.needsReconnect;
    return PlatformApiError.isInstance(error) && error.status === 401;
  }

  async #refreshToken(): Promise<void> {
    try {
      const refresh = this.#request.auth?.refreshAfterUnauthorized;
      if (refresh !== undefined) this.#remember(await refresh.call(this.#request.auth));
    } catch (thrown) {
      throw this.#tokenFailure(thrown, 'refreshing');
    }
  }

  #isRetryable(failure: AttemptFailure): boolean {
    const { error } = failure;
    const retryable =
      this.#client.isTransient?.(error) ?? (PlatformApiError.isInstance(error) && error.retryable);
    if (!retryable) return false;
    if (failure.neverSent) return true;
    if (!this.#replayable) return false;
    if (this.#idempotent) return true;
    return PlatformApiError.isInstance(error) && error.platformDidNotAct;
  }

  #finalError(thrown: unknown): unknown {
    if (this.#signal?.aborted) return this.#signal.reason;
    const error = GrowthError.isInstance(thrown)
      ? thrown
      : new PlatformApiError({
          platform: this.#client.platform,
          status: 0,
          code: 'request_failed',
          retryable: false,
          message: `${this.#client.platform} API call ${this.#what()} failed unexpectedly.`,
          cause: thrown,
        });
    error.attempts = this.#attempts;
    return redactErrorSecrets(error, this.#secrets);
  }

  #what(): string {
    return `${this.#method} ${this.#redacted(this.#url)}`;
  }

  #redacted(text: string): string {
    return redactSecrets(text, this.#secrets);
  }
}
