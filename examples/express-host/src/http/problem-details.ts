import { RecordNotFoundError } from '@growthhub/agents';
import {
  AuthError,
  ConfigError,
  GrowthError,
  GuardrailError,
  type Logger,
  PlatformApiError,
  QuotaExceededError,
  RateLimitError,
  redactSecrets,
  ValidationError,
} from '@growthhub/core';
import type { ErrorRequestHandler } from 'express';
import { HttpProblem, notFound } from './http-problem';

/** An RFC 9457 problem document, with the Growth Hub error's `code` and its own fields. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly [extension: string]: unknown;
}

/**
 * Turns any error into a problem document. Growth Hub errors keep their `code` and the fields a
 * client can act on (which field and how to fix it, when to retry, whether to reconnect); their
 * messages are already redacted, and `knownSecrets` are redacted once more on the way out. Anything
 * else is an internal error whose details stay in the log.
 */
export function toProblem(error: unknown, knownSecrets: readonly string[]): ProblemDocument {
  const problem = describe(error);
  return { ...problem, detail: redactSecrets(problem.detail, knownSecrets) };
}

/**
 * The Express error handler: answers `application/problem+json` and logs server-side failures.
 * Body-parser failures (bad JSON, too large) are client errors with their own codes.
 */
export function problemResponder(logger: Logger, knownSecrets: readonly string[]): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const problem = toProblem(error, knownSecrets);
    if (problem.status >= 500) {
      logger.error('Request failed', { method: request.method, path: request.path, error: String(error) });
    }
    if (typeof problem.retryAfterSeconds === 'number') {
      response.setHeader('retry-after', String(problem.retryAfterSeconds));
    }
    if (problem.status === 401) response.setHeader('www-authenticate', 'Bearer realm="growthhub"');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}

function describe(error: unknown): ProblemDocument {
  const parserProblem = bodyParserProblem(error);
  if (parserProblem !== undefined) return parserProblem;
  if (error instanceof HttpProblem) return base(error.status, error.code, error.message);
  // The engine answers a missing post or calendar, and another store's, with the same error: a 404 here.
  if (RecordNotFoundError.isInstance(error)) {
    const problem = notFound(error.record, error.id);
    return base(problem.status, problem.code, problem.message);
  }
  if (ValidationError.isInstance(error)) {
    return {
      ...base(400, error.code, error.message),
      field: error.field,
      fix: error.fix,
      issues: error.issues,
    };
  }
  if (RateLimitError.isInstance(error)) {
    const wait =
      error.resetAt === undefined ? undefined : Math.ceil((error.resetAt.getTime() - Date.now()) / 1000);
    return {
      ...base(429, error.code, error.message),
      platform: error.platform,
      ...(wait === undefined ? {} : { retryAfterSeconds: Math.max(1, wait) }),
    };
  }
  if (QuotaExceededError.isInstance(error)) {
    return { ...base(429, error.code, error.message), quota: error.quota, fix: error.fix };
  }
  if (AuthError.isInstance(error)) {
    // 409, not 401: the *platform* refused, the caller's own API key is fine.
    const status = error.code === 'oauth_state_invalid' ? 400 : 409;
    return {
      ...base(status, error.code, error.message),
      platform: error.platform,
      needsReconnect: error.needsReconnect,
    };
  }
  if (PlatformApiError.isInstance(error)) {
    return { ...base(502, error.code, error.message), platform: error.platform, retryable: error.retryable };
  }
  if (GuardrailError.isInstance(error)) {
    return { ...base(409, error.code, error.message), rule: error.rule, fix: error.fix };
  }
  if (ConfigError.isInstance(error))
    return { ...base(500, error.code, error.message), setting: error.setting };
  if (GrowthError.isInstance(error)) return base(500, error.code, error.message);
  return base(500, 'internal_error', 'Something went wrong on our side; the server log has the details.');
}

function base(status: number, code: string, detail: string): ProblemDocument {
  return { type: `urn:growthhub:problem:${code}`, title: TITLES[status] ?? 'Error', status, detail, code };
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Platform error',
};

/** Express's body parser marks its errors with `type` and `status`. */
function bodyParserProblem(error: unknown): ProblemDocument | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return { ...base(400, 'invalid_json', 'The request body is not valid JSON.'), fix: 'send a JSON object' };
  }
  if (type === 'entity.too.large') return base(413, 'payload_too_large', 'The request body is too large.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return base(415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
  }
  return undefined;
}
