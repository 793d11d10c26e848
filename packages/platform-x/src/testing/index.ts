/**
 * `@growthhub/platform-x/testing`: a local X API v2 emulator for tests and the sandbox.
 *
 * - {@link createXEmulator}: OAuth 2.0 with a clickable consent page, users, posts, timelines, media
 *   upload v2 with processing states, X's rate limits, problem+json errors and scripted faults;
 * - {@link clickConsent}: what a person does on the consent page, over real HTTP;
 * - the emulator's request schemas, written from X's OpenAPI descriptions.
 *
 * Production code never imports this subpath.
 *
 * @packageDocumentation
 */
export {
  CONFORMANCE_CONSUMER_SECRET,
  signedActivity,
  type XConformanceHarnessOptions,
  xConformanceHarness,
} from './conformance-harness';
export { type ClickConsentOptions, type ConsentRedirect, clickConsent } from './consent';
export type {
  EmulatedMedia,
  EmulatedPost,
  EmulatedUser,
  EngagementBoost,
  ProcessingOutcome,
  ProcessingState,
} from './emulator-state';
export {
  type EndpointBudget,
  type EndpointLimit,
  X_ENDPOINT_LIMITS,
  type XEndpoint,
} from './endpoint-limits';
export type { EmulatedClient, IssuedTokens } from './oauth-grants';
export type { FieldNaming, MetricsGrowth } from './post-view';
export * from './wire-requests';
export {
  createXEmulator,
  DEFAULT_X_CLIENT,
  type IssueTokenOptions,
  type XEmulator,
  type XEmulatorOptions,
  type XEmulatorUserInit,
} from './x-emulator';
