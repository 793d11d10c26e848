import { randomBytes } from 'node:crypto';
import type { EmulatorFailure, FailureKind } from '../failure';

/** Status, headers and JSON body of one failure as a platform would send it. */
export interface EnvelopeAnswer {
  readonly status: number;
  /** Response headers; `content-type` defaults to `application/json; charset=utf-8`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Facts an envelope may need besides the failure itself. */
export interface EnvelopeContext {
  /** The request id this emulator gave the request (also sent in the envelope's request-id header). */
  readonly requestId: string;
  /** The emulator's clock. */
  readonly now: Date;
}

/** The state of one rate-limit window, for the platform's rate-limit headers. */
export interface RateLimitWindow {
  /** Calls allowed per window. */
  readonly limit: number;
  /** Calls left in the current window (0 when limited). */
  readonly remaining: number;
  /** When the window resets. */
  readonly resetAt: Date;
  /** True when this answer is the 429 (or the platform's equivalent). */
  readonly limited: boolean;
}

/**
 * How one platform answers errors: the status code and body for each {@link FailureKind}, the
 * rate-limit headers it sends, and the header carrying its request id. Envelopes are plain values,
 * so a platform emulator can wrap or replace one.
 */
export interface ErrorEnvelope {
  /** Short name (`x`, `meta`, `tiktok`, `tiktokMarketing`, `google`, `googleAds`, `pinterest`, `oauth`). */
  readonly name: string;
  /** The HTTP status this envelope uses for each failure kind. */
  readonly statuses: Readonly<Record<FailureKind, number>>;
  /** Header that carries the request id on every answer (`x-fb-trace-id`, `x-tt-logid`), if any. */
  readonly requestIdHeader?: string;
  /** A fresh request id in the platform's format. */
  createRequestId(): string;
  /** The platform's answer to one failure. */
  render(failure: EmulatorFailure, context: EnvelopeContext): EnvelopeAnswer;
  /**
   * Headers describing rate-limit usage. Sent with every answer under a rate-limit rule, and with
   * the 429 itself.
   */
  rateLimitHeaders(usage: RateLimitWindow, context: EnvelopeContext): Record<string, string>;
}

/** The status for a failure: its own override, else the status of its kind's row in an envelope's table. */
export function statusFor(
  table: Readonly<Record<FailureKind, { readonly status: number }>>,
  failure: EmulatorFailure,
): number {
  return failure.status ?? table[failure.kind].status;
}

/** The status table of a per-kind table whose rows carry a `status`. */
export function statusesOf(
  table: Readonly<Record<FailureKind, { readonly status: number }>>,
): Record<FailureKind, number> {
  return {
    invalidRequest: table.invalidRequest.status,
    unauthorized: table.unauthorized.status,
    forbidden: table.forbidden.status,
    notFound: table.notFound.status,
    rateLimited: table.rateLimited.status,
    serverError: table.serverError.status,
    unavailable: table.unavailable.status,
  };
}

/** Seconds from `now` until `resetAt`, never below 1 (what `Retry-After` carries). */
export function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/** Random lower-case hex of `bytes` bytes. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** `Retry-After` (seconds) when limited, nothing otherwise; the header most platforms send with a 429. */
export function retryAfterHeader(usage: RateLimitWindow, context: EnvelopeContext): Record<string, string> {
  return usage.limited ? { 'retry-after': String(secondsUntil(usage.resetAt, context.now)) } : {};
}
