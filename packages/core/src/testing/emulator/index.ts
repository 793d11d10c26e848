export type {
  AuthCheck,
  AuthOutcome,
  BasicClientAuthOptions,
  BearerAuthOptions,
  BodyClientAuthOptions,
  ClientAcceptor,
  CredentialAcceptor,
  HeaderTokenAuthOptions,
} from './auth-checks';
export { basicClientAuth, bearerAuth, bodyClientAuth, headerTokenAuth } from './auth-checks';
export type { Emulator, EmulatorOptions, ListenOptions, RunningEmulator } from './create-emulator';
export { createEmulator } from './create-emulator';
export type {
  EnvelopeAnswer,
  EnvelopeContext,
  ErrorEnvelope,
  ErrorEnvelopeName,
  GoogleEnvelopeOptions,
  MetaEnvelopeOptions,
  RateLimitWindow,
} from './envelopes/index';
export {
  createGoogleEnvelope,
  createMetaEnvelope,
  errorEnvelopes,
  googleAdsEnvelope,
  googleEnvelope,
  metaEnvelope,
  oauthEnvelope,
  pinterestEnvelope,
  tiktokEnvelope,
  tiktokMarketingEnvelope,
  xEnvelope,
} from './envelopes/index';
export type { EmulatorFailure, FailureKind, FieldIssue } from './failure';
export { EmulatorProblem, fail } from './failure';
export type { FaultKind, FaultMatch, FaultQueue, FaultSpec } from './faults';
export type { EmulatorRateLimit, EmulatorRateLimits } from './rate-limits';
export type { RedirectFetchOptions } from './redirect-fetch';
export { redirectFetch } from './redirect-fetch';
export type { EmulatorReply } from './reply';
export { json } from './reply';
export type { AuthPrincipal, EmulatorRequest, FormRecord, QueryRecord, UploadedFile } from './request';
export type { RecordedRequest } from './request-log';
export type { RouteHandler, RouteOptions, SchemaOutput } from './router';
export { queryList } from './validation';
