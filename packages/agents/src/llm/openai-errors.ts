import { ConfigError, type GrowthError, PlatformApiError, RateLimitError } from '@growthhub/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/**
 * Turns an error thrown by the `openai` client into the Growth Hub family: a rejected key or model
 * becomes a `ConfigError`, a 429 a `RateLimitError` (with `resetAt` from `Retry-After`), anything else
 * a `PlatformApiError` on platform `openai` (status 0 for network errors and timeouts). An abort is
 * returned as is. The provider's message is kept (redacted by the error family), the request is not.
 */
export function mapOpenAIError(error: unknown, provider: string): unknown {
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new PlatformApiError({
      platform: provider,
      status: 0,
      code: 'timeout',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new PlatformApiError({
      platform: provider,
      status: 0,
      code: 'network_error',
      retryable: true,
      cause: error,
    });
  }
  if (!(error instanceof APIError)) return error;
  const status = error.status ?? 0;
  if (status === 401 || status === 403) {
    return new ConfigError({
      setting: 'llm.apiKey',
      reason: `the model provider refused the API key (HTTP ${status})`,
      fix: 'pass a valid apiKey to openaiModel({ apiKey }) for this baseURL',
      cause: error,
    });
  }
  if (status === 404) {
    return new ConfigError({
      setting: 'llm.model',
      reason: 'the model provider does not know this model or endpoint (HTTP 404)',
      fix: 'check the model id and the baseURL (it usually ends in /v1)',
      cause: error,
    });
  }
  const options = {
    platform: provider,
    status,
    message: `${provider} call failed (HTTP ${status}): ${error.message}`,
    ...(typeof error.code === 'string' ? { platformCode: error.code } : {}),
    ...(error.requestID ? { requestId: error.requestID } : {}),
    cause: error,
  };
  if (status === 429) {
    const resetAt = retryAfter(error.headers);
    return new RateLimitError({ ...options, ...(resetAt ? { resetAt } : {}) }) as GrowthError;
  }
  return new PlatformApiError(options);
}

function retryAfter(headers: Headers | undefined): Date | undefined {
  const value = headers?.get('retry-after');
  if (value === null || value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(Date.now() + seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : new Date(date);
}
