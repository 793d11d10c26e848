import type { MediaRef } from '../model/media';
import type { AccountInsights, PostMetrics } from '../model/metrics';
import type { SocialPost } from '../model/social-post';
import type { DateRange } from '../model/time';
import type { PlatformRuleIssue } from './platform-rule-issue';

/** Options every adapter call accepts. */
export interface CallOptions {
  /** Aborts the call (and its retries). */
  readonly signal?: AbortSignal;
}

/** Options for {@link SocialPublisher.publish}. */
export interface PublishOptions extends CallOptions {
  /**
   * The post's stable idempotency key. Adapters send it where the platform takes one and otherwise
   * embed nothing visible; reconciliation then relies on `findPublished` by content hash.
   */
  readonly idempotencyKey: string;
}

/** A post the platform has published. */
export interface PublishedResult {
  readonly status: 'published';
  /** The platform's id of the (first) post. */
  readonly platformPostId: string;
  /** Public URL of the post. */
  readonly url: string;
  /** Ids of every post of a thread, in order (the first equals `platformPostId`). */
  readonly threadPostIds?: readonly string[];
}

/** A publish the platform is still processing (video transcoding, moderation); poll `getPublishStatus`. */
export interface ProcessingResult {
  readonly status: 'processing';
  /** Opaque handle for `getPublishStatus` (TikTok `publish_id`, Instagram container id, …); store it. */
  readonly handle: string;
  /** Progress 0 to 100 when the platform reports it. */
  readonly progressPercent?: number;
  /** Earliest sensible time to poll again (ISO 8601), when the platform hints it. */
  readonly checkAfter?: string;
}

/** A publish the platform reports as failed while processing. */
export interface PublishFailedResult {
  readonly status: 'failed';
  /** Stable code (the platform's `fail_reason`, `status_code`, …). */
  readonly code: string;
  /** Redacted description. */
  readonly message: string;
  /** Whether publishing the same post again may succeed. */
  readonly retryable: boolean;
}

/** What `publish` returns. */
export type PublishResult = PublishedResult | ProcessingResult;

/** What `getPublishStatus` returns. */
export type PublishStatusResult = PublishedResult | ProcessingResult | PublishFailedResult;

/** What `findPublished` looks for: a post made from this key or content, after `since`. */
export interface FindPublishedQuery {
  /** Idempotency key, on platforms that record one. */
  readonly idempotencyKey?: string;
  /** The post's `contentHash`; adapters compare it with hashes of recent posts' text and media. */
  readonly contentHash?: string;
  /** The post that `findPublished` is reconciling (lets adapters recompute hashes and read its account). */
  readonly post?: SocialPost;
  /** The connected account to search (defaults to `post.accountId`). */
  readonly accountId?: string;
  /** Only posts created at or after this time (ISO 8601). */
  readonly since: string;
}

/** A post found on the platform by `findPublished`. */
export interface PublishedPostRef {
  readonly platformPostId: string;
  readonly url: string;
  /** When the platform says it was created (ISO 8601). */
  readonly publishedAt: string;
  /** What matched. */
  readonly matchedBy: 'idempotencyKey' | 'contentHash';
}

/** A comment (or thread reply) to add to a published post. */
export interface CommentInput {
  readonly text: string;
  readonly media?: readonly MediaRef[];
}

/** A created comment. */
export interface CommentResult {
  readonly platformCommentId: string;
  readonly url?: string;
}

/** Options for {@link SocialPublisher.getAccountInsights}. */
export interface AccountInsightsOptions extends CallOptions {
  /** The connected account to report on (a Page, an IG business account, a channel, …). */
  readonly accountId: string;
}

/**
 * Low-level organic publishing for one connection, made by `PlatformAdapter.social(ctx)`.
 * The orchestrator in `@growthhub/agents` adds claiming, retries, events and scheduling around it;
 * adapters do one platform call sequence per method and never retry a publish blindly.
 */
export interface SocialPublisher {
  /** Checks a post against the platform's rules (lengths, media counts and kinds, quota). No side effects. */
  validate(post: SocialPost, options?: CallOptions): Promise<readonly PlatformRuleIssue[]>;
  /**
   * Publishes a post once. Throws a typed error (`PlatformApiError`, `AuthError`, `RateLimitError`,
   * `ValidationError`) on failure; on a timeout the outcome is unknown and the caller reconciles.
   */
  publish(post: SocialPost, options: PublishOptions): Promise<PublishResult>;
  /** Polls an asynchronous publish started by `publish`. */
  getPublishStatus(handle: string, options?: CallOptions): Promise<PublishStatusResult>;
  /** Finds posts already published for a key or content hash (after a crash), newest first; empty if none. */
  findPublished(query: FindPublishedQuery, options?: CallOptions): Promise<readonly PublishedPostRef[]>;
  /** Reads engagement counts for published posts by platform id; unknown ids are left out. */
  getPostMetrics(platformPostIds: readonly string[], options?: CallOptions): Promise<readonly PostMetrics[]>;
  /** Reads account-level insights over an inclusive date range. */
  getAccountInsights(range: DateRange, options: AccountInsightsOptions): Promise<AccountInsights>;
  /** Deletes a published post, where the platform allows it. */
  deletePost?(platformPostId: string, options?: CallOptions): Promise<void>;
  /** Adds a comment or, on X, a reply (first comment, thread continuation). */
  comment?(platformPostId: string, comment: CommentInput, options?: CallOptions): Promise<CommentResult>;
}
