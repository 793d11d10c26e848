import type {
  AdapterContext,
  ErrorMapper,
  PlatformAdapter,
  SocialPublisher,
  WebhookHandler,
} from '@growthhub/core';
import { type ResolvedXConfig, resolveXConfig, type XConfig } from './config';
import { mapXError } from './errors';
import { readAccountInsights, readPostMetrics } from './metrics';
import { xOAuthSpec } from './oauth';
import { validateXPost, X_CAPABILITIES } from './post-rules';
import { commentOn, deleteXPost, publishPost, publishStatus } from './publish';
import { findPublishedPosts } from './reconcile';
import { createXWebhookHandler } from './webhooks';
import { XApi } from './x-api';

/**
 * The X adapter: a {@link PlatformAdapter} (spec v1) plus what the engine needs to build its HTTP
 * client for X. Give `mapError` to the context's HTTP kernel so X's problem+json and error codes
 * become typed errors.
 */
export interface XAdapter extends PlatformAdapter {
  readonly id: 'x';
  readonly social: (context: AdapterContext) => SocialPublisher;
  /** Maps X answers to typed errors; pass it as the HTTP kernel's `mapError`. */
  readonly mapError: ErrorMapper;
  /** The settings in force, defaults applied (contains secrets: never log it). */
  readonly settings: ResolvedXConfig;
}

/**
 * Creates the X adapter. Reads no environment variables and holds no token.
 *
 * @example
 * ```ts
 * const adapter = x({ clientId, clientSecret, redirectUri: 'https://app.example/callback/x' });
 * ```
 */
export function x(config: XConfig): XAdapter {
  const settings = resolveXConfig(config);
  const webhooks: WebhookHandler | undefined =
    settings.consumerSecret === undefined ? undefined : createXWebhookHandler(settings.consumerSecret);
  return {
    specificationVersion: 'v1',
    id: 'x',
    displayName: 'X',
    oauth: xOAuthSpec(settings),
    capabilities: X_CAPABILITIES,
    mapError: mapXError,
    settings,
    social(context) {
      const api = new XApi(context, settings);
      return {
        validate: async (post) => validateXPost(post),
        publish: (post, options) => publishPost(api, post, options),
        getPublishStatus: (handle, options) => publishStatus(api, handle, options),
        findPublished: (query, options) => findPublishedPosts(api, query, options),
        getPostMetrics: (ids, options) => readPostMetrics(api, ids, options),
        getAccountInsights: (range, options) => readAccountInsights(api, range, options),
        deletePost: (id, options) => deleteXPost(api, id, options),
        comment: (id, comment, options) => commentOn(api, id, comment, options),
      };
    },
    ...(webhooks === undefined ? {} : { webhooks }),
  };
}
