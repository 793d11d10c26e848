import type { AdObjective } from '../model/ad-campaign';
import type { Money } from '../model/money';
import type { OptimizationLogEntry } from '../model/optimization-log';
import type { AdsPlatformId, PlatformId, SocialChannel } from '../model/platform';

/**
 * Fields every event carries. Payloads are plain data and never hold a token, secret or
 * authorization header: no payload type has such a field, and the bus redacts strings on emit.
 */
export interface GrowthEventBase {
  /** When it happened (ISO 8601). */
  readonly at: string;
  /** The host's store (tenant) it concerns. */
  readonly storeId: string;
}

/** A redacted error summary inside an event. */
export interface EventError {
  readonly code: string;
  readonly message: string;
}

/** Payload of `connection.connected`. */
export interface ConnectionConnectedEvent extends GrowthEventBase {
  readonly connectionId: string;
  readonly platform: PlatformId;
  readonly userId: string;
  /** Accounts discovered (platform ids). */
  readonly accountIds: readonly string[];
  /** Scopes requested but not granted. */
  readonly missingScopes: readonly string[];
}

/** Payload of `connection.expiring`: the grant ends soon and needs the user (e.g. Meta's 60-day token). */
export interface ConnectionExpiringEvent extends GrowthEventBase {
  readonly connectionId: string;
  readonly platform: PlatformId;
  readonly expiresAt: string;
  /** Where to send the user to renew, when the host configured one. */
  readonly reconnectUrl?: string;
}

/** Payload of `connection.expired`: refreshing failed for good; the user must reconnect. */
export interface ConnectionExpiredEvent extends GrowthEventBase {
  readonly connectionId: string;
  readonly platform: PlatformId;
  readonly reason: string;
  readonly reconnectUrl?: string;
}

/** Payload of `connection.revoked`: the user or platform withdrew access. */
export interface ConnectionRevokedEvent extends GrowthEventBase {
  readonly connectionId: string;
  readonly platform: PlatformId;
  /** Who revoked it, when known. */
  readonly by?: 'user' | 'platform' | 'host';
}

/** Payload of `post.scheduled`. */
export interface PostScheduledEvent extends GrowthEventBase {
  readonly postId: string;
  readonly channel: SocialChannel;
  readonly scheduledAt: string;
}

/** Payload of `post.publishing`: an attempt started. */
export interface PostPublishingEvent extends GrowthEventBase {
  readonly postId: string;
  readonly channel: SocialChannel;
  readonly attempt: number;
}

/** Payload of `post.processing`: the platform accepted it and is still processing. */
export interface PostProcessingEvent extends GrowthEventBase {
  readonly postId: string;
  readonly channel: SocialChannel;
}

/** Payload of `post.published`. */
export interface PostPublishedEvent extends GrowthEventBase {
  readonly postId: string;
  readonly channel: SocialChannel;
  readonly platformPostId: string;
  readonly url: string;
}

/** Payload of `post.failed`. */
export interface PostFailedEvent extends GrowthEventBase {
  readonly postId: string;
  readonly channel: SocialChannel;
  readonly attempt: number;
  readonly error: EventError;
  /** Whether it will be (or may be) retried. */
  readonly retryable: boolean;
}

/** Payload of `calendar.planned`. */
export interface CalendarPlannedEvent extends GrowthEventBase {
  readonly calendarId: string;
  readonly postIds: readonly string[];
}

/** Payload of `campaign.launched`. */
export interface CampaignLaunchedEvent extends GrowthEventBase {
  readonly campaignId: string;
  readonly platform: AdsPlatformId;
  readonly platformCampaignId: string;
  readonly objective: AdObjective;
  readonly budget: Money;
  readonly budgetPeriod: 'daily' | 'lifetime';
}

/** Payload of `campaign.launch_failed`: the launch failed and was rolled back. */
export interface CampaignLaunchFailedEvent extends GrowthEventBase {
  readonly campaignId: string;
  readonly platform: AdsPlatformId;
  readonly error: EventError;
  /** Platform ids that could not be rolled back (should be empty). */
  readonly leftovers: readonly string[];
}

/** Payload of `campaign.optimized`: a decision was applied. */
export interface CampaignOptimizedEvent extends GrowthEventBase {
  readonly campaignId: string;
  readonly logEntryId: string;
  readonly decision: OptimizationLogEntry['decision'];
  readonly reason: string;
}

/** Payload of `campaign.paused`. */
export interface CampaignPausedEvent extends GrowthEventBase {
  readonly campaignId: string;
  readonly reason: string;
  /** Who paused it. */
  readonly by: 'optimizer' | 'guardrail' | 'human';
}

/** Payload of `guardrail.blocked`: an action was refused by a hard limit. */
export interface GuardrailBlockedEvent extends GrowthEventBase {
  /** The rule, e.g. `max_daily_budget`, `max_daily_change`, `max_posts_per_day`. */
  readonly rule: string;
  readonly reason: string;
  /** What was refused. */
  readonly subject: { readonly kind: 'campaign' | 'post' | 'creative' | 'store'; readonly id: string };
  /** The requested and allowed values, when numeric or money. */
  readonly requested?: Money | number;
  readonly allowed?: Money | number;
}

/** What a human is asked to approve. */
export type ApprovalKind = 'post' | 'calendar' | 'campaign_launch' | 'budget_change' | 'optimization';

/** Payload of `approval.requested`. */
export interface ApprovalRequestedEvent extends GrowthEventBase {
  readonly approvalId: string;
  readonly kind: ApprovalKind;
  /** Id of the post, calendar, campaign or log entry. */
  readonly subjectId: string;
  /** One line for a notification. */
  readonly summary: string;
  /** When the request lapses, if it does. */
  readonly expiresAt?: string;
}

/** Payload of `approval.resolved`. */
export interface ApprovalResolvedEvent extends GrowthEventBase {
  readonly approvalId: string;
  readonly kind: ApprovalKind;
  readonly subjectId: string;
  readonly decision: 'approved' | 'rejected' | 'expired';
  /** The host user who decided. */
  readonly by?: string;
}

/** Payload of `optimization.logged`: any optimiser decision, applied or not. */
export interface OptimizationLoggedEvent extends GrowthEventBase {
  readonly entry: OptimizationLogEntry;
}

/** Payload of `metrics.synced`. */
export interface MetricsSyncedEvent extends GrowthEventBase {
  readonly kind: 'posts' | 'accounts' | 'ads';
  readonly count: number;
}

/** Payload of `engine.error`: a background task failed (the host should log it). */
export interface EngineErrorEvent extends GrowthEventBase {
  /** The task, e.g. `job:publish`, `sync:metrics`. */
  readonly source: string;
  readonly error: EventError;
}

/**
 * The typed event map of the engine, for EventEmitter3: `bus.on('post.published', (e) => …)`.
 * Every payload extends {@link GrowthEventBase} (`at`, `storeId`).
 */
export interface GrowthEvents {
  'connection.connected': (event: ConnectionConnectedEvent) => void;
  'connection.expiring': (event: ConnectionExpiringEvent) => void;
  'connection.expired': (event: ConnectionExpiredEvent) => void;
  'connection.revoked': (event: ConnectionRevokedEvent) => void;
  'post.scheduled': (event: PostScheduledEvent) => void;
  'post.publishing': (event: PostPublishingEvent) => void;
  'post.processing': (event: PostProcessingEvent) => void;
  'post.published': (event: PostPublishedEvent) => void;
  'post.failed': (event: PostFailedEvent) => void;
  'calendar.planned': (event: CalendarPlannedEvent) => void;
  'campaign.launched': (event: CampaignLaunchedEvent) => void;
  'campaign.launch_failed': (event: CampaignLaunchFailedEvent) => void;
  'campaign.optimized': (event: CampaignOptimizedEvent) => void;
  'campaign.paused': (event: CampaignPausedEvent) => void;
  'guardrail.blocked': (event: GuardrailBlockedEvent) => void;
  'approval.requested': (event: ApprovalRequestedEvent) => void;
  'approval.resolved': (event: ApprovalResolvedEvent) => void;
  'optimization.logged': (event: OptimizationLoggedEvent) => void;
  'metrics.synced': (event: MetricsSyncedEvent) => void;
  'engine.error': (event: EngineErrorEvent) => void;
}

/** The name of a Growth Hub event. */
export type GrowthEventName = keyof GrowthEvents;

/** The payload type of event `NAME`. */
export type GrowthEventPayload<NAME extends GrowthEventName> = Parameters<GrowthEvents[NAME]>[0];
