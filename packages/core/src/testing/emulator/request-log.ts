import { inspect } from 'node:util';
import type { FailureKind } from './failure';
import type { FaultKind } from './faults';
import type { QueryRecord } from './request';

/**
 * One request the emulator received, for assertions. The fields hold the real values (including
 * `authorization`), but the printable form (`JSON.stringify`, `console.log`, vitest diffs through
 * `toJSON`) redacts credentials so a failing test never prints a token.
 */
export interface RecordedRequest {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  /** The route pattern that matched (`/2/tweets/:id`), if any. */
  readonly route: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryRecord;
  /** Lower-case names, real values. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded body (JSON value or form record), `undefined` for binary bodies. */
  readonly body: unknown;
  readonly rawBody: Buffer;
  /** When the request arrived, by the emulator's clock. */
  readonly time: Date;
  /** Status answered; `undefined` while in flight or when the connection was dropped. */
  status: number | undefined;
  /** The scripted fault applied, if any. */
  fault: FaultKind | undefined;
  /** The failure answered, with the log-only note of why. */
  failure: { readonly kind: FailureKind; readonly note?: string } | undefined;
  /** The printable form with credentials redacted. */
  toJSON(): Record<string, unknown>;
}

/** Header names whose values are credentials. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'access-token',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-goog-api-key',
]);

/** Query and body field names whose values are credentials. */
const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'client_secret',
  'secret',
  'code',
  'code_verifier',
  'fb_exchange_token',
  'input_token',
  'password',
  'token',
]);

const REDACTED = '[redacted]';

/** Builds a {@link RecordedRequest} whose printable form is redacted. */
export function recordRequest(
  init: Omit<RecordedRequest, 'toJSON' | 'status' | 'fault' | 'failure'>,
): RecordedRequest {
  const printable = () => ({
    id: init.id,
    method: init.method,
    path: init.path,
    route: init.route,
    params: init.params,
    query: redactFields(init.query),
    headers: redactHeaders(init.headers),
    body: redactFields(init.body),
    time: init.time.toISOString(),
    status: record.status,
    fault: record.fault,
    failure: record.failure,
  });
  const record: RecordedRequest & { [inspect.custom]: () => unknown } = {
    ...init,
    status: undefined,
    fault: undefined,
    failure: undefined,
    toJSON: printable,
    [inspect.custom]: printable,
  };
  return record;
}

/** Headers with credential values replaced by `[redacted]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return result;
}

function redactFields(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(redactFields);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    result[name] = SECRET_FIELDS.has(name.toLowerCase()) ? REDACTED : redactFields(field);
  }
  return result;
}
