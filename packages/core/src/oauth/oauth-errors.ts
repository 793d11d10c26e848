import { hasErrorMarker, markErrorClass } from '../errors/growth-error';
import { AuthError } from '../errors/index';

/** Why `complete()` refused an OAuth `state`. */
export type OAuthStateProblem = 'unknown' | 'reused' | 'expired' | 'platform_mismatch' | 'redirect_mismatch';

/**
 * The `state` handed to `complete()` cannot finish a connection: it was never issued here, was already
 * used, expired (10 minutes), or was issued for another platform or redirect URI. The user has to start
 * connecting again; nothing was exchanged with the platform.
 */
export class OAuthStateError extends AuthError {
  /** What was wrong with the state. */
  readonly problem: OAuthStateProblem;

  constructor(platform: string, problem: OAuthStateProblem) {
    super({
      platform,
      needsReconnect: true,
      code: 'oauth_state_invalid',
      message: `${STATE_MESSAGES[problem]} Start connecting ${platform} again from the beginning.`,
    });
    this.problem = problem;
  }

  /** Tells whether `value` is an {@link OAuthStateError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is OAuthStateError {
    return hasErrorMarker(value, 'OAuthStateError');
  }
}
markErrorClass(OAuthStateError, 'OAuthStateError');

/** How a refusal from a token endpoint affects the connection. */
export type OAuthFailureKind = 'reauthorize' | 'misconfigured';

/**
 * A token endpoint refused a code exchange or refresh for good, with an OAuth error code such as
 * `invalid_grant`. `needsReconnect` is true when only the user can fix it by connecting again
 * (`reauthorize`); it is false when the app's OAuth settings are wrong (`misconfigured`: `invalid_client`,
 * `unauthorized_client`, `invalid_scope` …). Temporary failures raise a retryable `PlatformApiError` instead.
 */
export class OAuthGrantError extends AuthError {
  /** The OAuth error code the platform sent (e.g. `invalid_grant`). */
  readonly oauthError: string;
  /** Whether the user must reconnect, or the app's settings must be fixed. */
  readonly kind: OAuthFailureKind;

  constructor(options: {
    platform: string;
    connectionId?: string;
    oauthError: string;
    kind: OAuthFailureKind;
    status?: number;
    description?: string;
  }) {
    const detail = options.description ? ` (${options.description})` : '';
    super({
      platform: options.platform,
      ...(options.connectionId === undefined ? {} : { connectionId: options.connectionId }),
      needsReconnect: options.kind === 'reauthorize',
      code: options.kind === 'reauthorize' ? 'auth_expired' : 'oauth_misconfigured',
      platformCode: options.oauthError,
      ...(options.status === undefined ? {} : { status: options.status }),
      message:
        options.kind === 'reauthorize'
          ? `${options.platform} refused the grant with "${options.oauthError}"${detail}. The user must reconnect the account.`
          : `${options.platform} refused the app's OAuth request with "${options.oauthError}"${detail}. Check the client id, secret, redirect URIs and scopes in the platform's developer console.`,
    });
    this.oauthError = options.oauthError;
    this.kind = options.kind;
  }

  /** Tells whether `value` is an {@link OAuthGrantError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is OAuthGrantError {
    return hasErrorMarker(value, 'OAuthGrantError');
  }
}
markErrorClass(OAuthGrantError, 'OAuthGrantError');

const STATE_MESSAGES: Record<OAuthStateProblem, string> = {
  unknown: 'The OAuth state is unknown here.',
  reused: 'The OAuth state was already used; each state works once.',
  expired: 'The OAuth state expired (a connection must be completed within 10 minutes by default).',
  platform_mismatch: 'The OAuth state was issued for another platform.',
  redirect_mismatch: 'The OAuth state was issued for another redirect URI.',
};
