/**
 * `@growthhub/platform-x`: the Growth Hub adapter for X (API v2).
 *
 * - {@link x}: the adapter factory (OAuth 2.0 with PKCE, posts, threads, quote posts, first comments,
 *   media upload v2, metrics, reconciliation, webhooks);
 * - {@link mapXError}: X answers to typed errors, for the HTTP kernel;
 * - {@link uploadMedia}, {@link xContentFingerprint}, {@link crcResponseToken} for hosts that need the
 *   pieces on their own.
 *
 * The emulator for tests and the sandbox is in `@growthhub/platform-x/testing`.
 *
 * @packageDocumentation
 */
export { type XAdapter, x } from './adapter';
export {
  type ResolvedXConfig,
  X_API_BASE_URL,
  X_AUTHORIZE_URL,
  X_DEFAULT_SCOPES,
  type XConfig,
  XConfigSchema,
} from './config';
export { mapXError, problemToError, type XProblem, XProblemSchema } from './errors';
export { X_BUCKETS, X_RATE_LIMIT_RULES, type XBucket } from './limits';
export { type UploadedMedia, type UploadMediaOptions, uploadMedia, X_MEDIA_MAX_BYTES } from './media';
export { isPrivateAddress, type MediaInput } from './media-source';
export { readAccountInsights, readPostMetrics } from './metrics';
export { xOAuthSpec } from './oauth';
export {
  composeXText,
  quotedPostId,
  validateXPost,
  X_CAPABILITIES,
  X_CHANNEL_CAPABILITIES,
  type XPostText,
} from './post-rules';
export { xPostUrl } from './publish';
export { findPublishedPosts, xContentFingerprint } from './reconcile';
export {
  ThreadInterruptedError,
  type ThreadInterruptedErrorOptions,
  type ThreadPartOutcome,
  threadPartOutcome,
} from './thread-error';
export { crcResponseToken, createXWebhookHandler, signXWebhookBody, X_SIGNATURE_HEADER } from './webhooks';
export { XApi, type XCall } from './x-api';
