import { redactSecrets, redactValue } from './redaction';

/**
 * Stable machine-readable codes carried by the Growth Hub error family. Hosts branch on these (or on
 * `isInstance`), never on message text. Adapters may use more specific codes; the list only grows.
 */
export type GrowthErrorCode =
  | 'platform_api_error'
  | 'network_error'
  | 'timeout'
  | 'unexpected_response'
  | 'request_failed'
  | 'rate_limited'
  | 'auth_failed'
  | 'validation_failed'
  | 'quota_exceeded'
  | 'guardrail_blocked'
  | 'config_invalid'
  | (string & {});

/** Options shared by every error of the family. */
export interface GrowthErrorOptions {
  /** Human-readable description; secrets in it are redacted. */
  message: string;
  /** Stable machine-readable code, see {@link GrowthErrorCode}. */
  code: GrowthErrorCode;
  /** What led to this error. Foreign errors are reduced to a redacted plain shape, never kept as is. */
  cause?: unknown;
  /** How many HTTP attempts were made before this error was raised (set by the HTTP kernel). */
  attempts?: number;
}

/**
 * A plain, redacted description of a foreign error found in a `cause` chain. Growth Hub errors keep
 * causes in this shape so that a third-party error object (with its request config, headers and
 * sockets) can never leak a secret through `util.inspect` or serialisation.
 */
export interface RedactedCause {
  /** The foreign error's `name`. */
  name: string;
  /** The foreign error's message, redacted. */
  message: string;
  /** The foreign error's `code` (such as `ECONNREFUSED`), when it had one. */
  code?: string | number;
  /** The foreign error's stack, redacted. */
  stack?: string;
  /** The foreign error's own cause, sanitised the same way. */
  cause?: unknown;
}

/**
 * Base class of every Growth Hub error. Each error carries a stable {@link GrowthErrorCode}, serialises
 * with `toJSON()`, and never shows a secret: the message, the `util.inspect` output, `toJSON()` and the
 * whole `cause` chain are redacted with {@link redactSecrets}.
 *
 * Use the static `isInstance` of a class instead of `instanceof`: it checks a `Symbol.for` marker, so it
 * also recognises errors created by a second copy of `@growthhub/core` in the same process.
 *
 * @example
 * ```ts
 * try { await publisher.publish(post, { idempotencyKey }); }
 * catch (error) { if (RateLimitError.isInstance(error)) retryAt(error.resetAt); else throw error; }
 * ```
 */
export class GrowthError extends Error {
  /** Stable machine-readable code (see {@link GrowthErrorCode}). */
  readonly code: GrowthErrorCode;
  /** How many HTTP attempts were made before this error was raised; set by the HTTP kernel. */
  attempts?: number;

  constructor(options: GrowthErrorOptions) {
    super(redactSecrets(options.message));
    this.code = options.code;
    if (options.attempts !== undefined) this.attempts = options.attempts;
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', {
        value: sanitizeCause(options.cause),
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }

  /** Tells whether `value` is a {@link GrowthError} from any copy of `@growthhub/core`. */
  static isInstance(value: unknown): value is GrowthError {
    return hasErrorMarker(value, 'GrowthError');
  }

  /** A redacted, JSON-safe description of the error, including its cause chain. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && !(key in json)) json[key] = value;
    }
    if (this.cause !== undefined) json.cause = this.cause;
    return redactValue(json) as Record<string, unknown>;
  }
}

/**
 * Marks a class of the error family: sets `name` on its prototype and the
 * `Symbol.for('growthhub.error.<name>')` marker, so instances from any installed copy of the package are
 * recognised by `isInstance`.
 */
export function markErrorClass(errorClass: { prototype: object }, name: string): void {
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(errorClass.prototype, Symbol.for(`growthhub.error.${name}`), { value: true });
}

/** Tells whether `value` carries the `Symbol.for('growthhub.error.<name>')` marker. */
export function hasErrorMarker(value: unknown, name: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for(`growthhub.error.${name}`)] === true
  );
}

/**
 * Turns anything found as a `cause` into something safe to keep: a Growth Hub error stays as it is
 * (it is already redacted), a foreign error becomes a {@link RedactedCause}, any other value is deep-redacted.
 */
export function sanitizeCause(cause: unknown): unknown {
  if (GrowthError.isInstance(cause)) return cause;
  return redactValue(cause);
}

markErrorClass(GrowthError, 'GrowthError');

// `console.log(error)` and `util.inspect(error)` show the redacted description, never raw fields.
Object.defineProperty(GrowthError.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: function inspectGrowthError(
    this: GrowthError,
    _depth: number,
    options: object,
    inspect: (value: unknown, options?: object) => string,
  ): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = redactSecrets(this.stack ?? `${this.name}: ${this.message}`);
    return `${head} ${inspect(fields, options)}`;
  },
});
