/**
 * The OAuth engine: one engine runs every platform's declarative `OAuthSpec` (authorization code with
 * PKCE, token exchange and refresh, revocation), with single-use state, safe refresh across processes
 * and typed failures.
 *
 * @module
 */
export {
  type BeginConnectionInput,
  BeginConnectionInputSchema,
  type BegunConnection,
  type CompleteConnectionInput,
  CompleteConnectionInputSchema,
  type ConnectionManager,
  type ConnectionManagerOptions,
  createConnectionManager,
} from './connection-manager';
export { parseScopes } from './granted-tokens';
export {
  type OAuthFailureKind,
  OAuthGrantError,
  OAuthStateError,
  type OAuthStateProblem,
} from './oauth-errors';
export type { OAuthPlatform } from './oauth-platforms';
export { createPkcePair, type PkcePair, pkceChallenge } from './pkce';
export { readStandardTokenResponse } from './standard-token-response';
