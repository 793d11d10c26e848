import { GrowthError, type GrowthErrorCode, hasErrorMarker, markErrorClass } from './growth-error';

/** Options for {@link AuthError}. */
export interface AuthErrorOptions {
  /** Platform id, such as `'x'` or `'meta'`. */
  platform: string;
  /** The affected connection, when known. */
  connectionId?: string;
  /**
   * True when the platform rejected the credential itself (expired, revoked, invalid token): the HTTP
   * kernel tries one refresh, and if that does not help the user must reconnect. False when the
   * credential is valid but not allowed to do this (a missing permission). Defaults to true.
   */
  needsReconnect?: boolean;
  /** Human-readable description; defaults to one that says what to do. */
  message?: string;
  /** Stable code; defaults to `'auth_failed'`. */
  code?: GrowthErrorCode;
  /** HTTP status of the platform's answer, when the error came from one. */
  status?: number;
  /** The platform's own error code (Meta `190`, Google `UNAUTHENTICATED`, ...). */
  platformCode?: string | number;
  /** The platform's request or trace id. */
  requestId?: string;
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
  /** How many HTTP attempts were made (set by the HTTP kernel). */
  attempts?: number;
}

/**
 * The platform did not accept the connection's credentials. When `needsReconnect` is true the user has
 * to connect the account again (the host shows a reconnect link); otherwise the token lacks a permission.
 */
export class AuthError extends GrowthError {
  /** Platform id. */
  readonly platform: string;
  /** The affected connection, when known. */
  readonly connectionId?: string;
  /** True when the user must connect the account again. */
  readonly needsReconnect: boolean;
  /** HTTP status of the platform's answer, when the error came from one. */
  readonly status?: number;
  /** The platform's own error code. */
  readonly platformCode?: string | number;
  /** The platform's request or trace id. */
  readonly requestId?: string;

  constructor(options: AuthErrorOptions) {
    const needsReconnect = options.needsReconnect ?? true;
    super({
      message: options.message ?? defaultMessage(options.platform, needsReconnect),
      code: options.code ?? 'auth_failed',
      cause: options.cause,
      attempts: options.attempts,
    });
    this.platform = options.platform;
    if (options.connectionId !== undefined) this.connectionId = options.connectionId;
    this.needsReconnect = needsReconnect;
    if (options.status !== undefined) this.status = options.status;
    if (options.platformCode !== undefined) this.platformCode = options.platformCode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
  }

  /** Tells whether `value` is an {@link AuthError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is AuthError {
    return hasErrorMarker(value, 'AuthError');
  }
}

markErrorClass(AuthError, 'AuthError');

function defaultMessage(platform: string, needsReconnect: boolean): string {
  return needsReconnect
    ? `${platform} rejected the connection's credentials. Reconnect the account to continue.`
    : `${platform} denied access with the current credentials. Reconnect with the missing permissions or grant access on the platform.`;
}
