/**
 * What went wrong, in platform-neutral terms. An {@link ErrorEnvelope} turns it into the platform's
 * own status code, headers and body.
 *
 * - `invalidRequest`: a parameter is missing or malformed (HTTP 400 almost everywhere).
 * - `unauthorized`: no token, or a token the platform does not know.
 * - `forbidden`: a known token that may not do this (missing scope, no role).
 * - `notFound`: unknown route or object.
 * - `rateLimited`: too many calls in the window.
 * - `serverError`: the platform failed (HTTP 500).
 * - `unavailable`: the platform is temporarily down (HTTP 503).
 */
export type FailureKind =
  | 'invalidRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'serverError'
  | 'unavailable';

/** One rejected field of a request, named by its dotted path (`media.media_ids.0`). */
export interface FieldIssue {
  /** Dotted path of the field in the body or query (`''` for the whole body). */
  readonly field: string;
  /** Why it was rejected, in plain words. */
  readonly message: string;
  /** True when the field was absent rather than malformed. */
  readonly missing: boolean;
  /** The rejected value, when there was one. */
  readonly value?: unknown;
}

/**
 * A failure an emulator answers with. Only `kind` is required; everything else overrides the
 * envelope's defaults for that kind.
 */
export interface EmulatorFailure {
  readonly kind: FailureKind;
  /** Human-readable message; the envelope's default for the kind when absent. */
  readonly message?: string;
  /** Field-level detail, rendered in the platform's own way (X `parameters`, Google `fieldViolations`). */
  readonly issues?: readonly FieldIssue[];
  /** HTTP status instead of the envelope's status for this kind. */
  readonly status?: number;
  /** Platform error code instead of the default (`'invalid_grant'`, `190`, `40105`). */
  readonly code?: string | number;
  /** Platform error subcode (Meta `error_subcode`). */
  readonly subcode?: number;
  /** Seconds until the client may retry; used by `rateLimited` (headers and Google `retryDelay`). */
  readonly retryAfterSeconds?: number;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra platform-specific members merged into the platform's error object. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Why, for the request log only; never sent (the platform's own wording is). */
  readonly note?: string;
}

/**
 * Thrown from a route handler (or anything it calls) to answer with a failure in the route's
 * envelope. Any other thrown value becomes a `serverError` answer, still JSON.
 *
 * @example
 * ```ts
 * if (!tweets.has(id)) throw new EmulatorProblem({ kind: 'notFound', message: `No post ${id}` });
 * ```
 */
export class EmulatorProblem extends Error {
  /** The failure to answer with. */
  readonly failure: EmulatorFailure;

  constructor(failure: EmulatorFailure) {
    super(failure.message ?? failure.kind);
    this.name = 'EmulatorProblem';
    this.failure = failure;
  }
}

/**
 * Shorthand for a failure answer returned from a route handler.
 *
 * @example
 * ```ts
 * emulator.route('POST', '/oauth/token', (req) =>
 *   codes.has(req.body.code) ? { json: tokens } : fail('invalidRequest', { code: 'invalid_grant' }),
 * );
 * ```
 */
export function fail(
  kind: FailureKind,
  init: Omit<EmulatorFailure, 'kind'> = {},
): { failure: EmulatorFailure } {
  return { failure: { kind, ...init } };
}
