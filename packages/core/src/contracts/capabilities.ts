import type { AdObjective } from '../model/ad-campaign';
import type { MediaKind } from '../model/media';
import type { SocialChannel } from '../model/platform';
import type { PostKind } from '../model/social-post';
import type { TargetPlacement } from '../model/targeting';
import type { RateLimitRule } from '../rate-limit/index';
import type { CaptionLimits } from '../text/caption-limits';

/** Limits on one kind of media file inside a post. */
export interface MediaFileLimits {
  /** Accepted MIME types, e.g. `['image/jpeg', 'image/png']`. */
  readonly mimeTypes: readonly string[];
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Shortest accepted video, in milliseconds (videos only). */
  readonly minDurationMs?: number;
  /** Longest accepted video, in milliseconds (videos only). */
  readonly maxDurationMs?: number;
}

/** How many media files a post of one kind takes, and which. */
export interface MediaLimits {
  /** Fewest files (0 for a text post). */
  readonly minCount: number;
  /** Most files (e.g. 4 images on X, 10 carousel items on Instagram). */
  readonly maxCount: number;
  /** Accepted file kinds with their limits; a kind not listed is rejected. */
  readonly files: Readonly<Partial<Record<MediaKind, MediaFileLimits>>>;
}

/** What one social channel of an adapter can publish. */
export interface ChannelCapabilities {
  /** Supported post kinds, each with its media limits. A kind not listed is unsupported. */
  readonly postKinds: Readonly<Partial<Record<PostKind, MediaLimits>>>;
  /** Caption, hashtag and title limits (usually `CAPTION_LIMITS[channel]`). */
  readonly caption: CaptionLimits;
  /** Whether `SocialPublisher.comment` can add a first comment. */
  readonly firstComment: boolean;
  /** Whether `SocialPublisher.deletePost` works. */
  readonly deletePost: boolean;
  /** Whether publishing can finish asynchronously (`publish` may return `processing`). */
  readonly asyncPublish: boolean;
  /** Posts per rolling 24 h the platform allows per account, when it caps them (e.g. Instagram). */
  readonly dailyPostLimit?: number;
}

/** What an adapter's `AdsManager` supports. */
export interface AdsCapabilities {
  /** Objectives `createCampaign` accepts. */
  readonly objectives: readonly AdObjective[];
  /** Placements `mapTargeting` can express. */
  readonly placements: readonly TargetPlacement[];
  /** Whether a campaign-level (shared) budget is supported, besides ad set budgets. */
  readonly campaignBudget: boolean;
  /** Whether lifetime budgets are supported, besides daily ones. */
  readonly lifetimeBudget: boolean;
  /** The unit the platform uses on the wire, for reference: Meta `minor`, Google/Pinterest `micros`, TikTok `major`. */
  readonly moneyUnit: 'minor' | 'micros' | 'major';
  /** Smallest daily budget accepted, in minor units of the account currency, when known. */
  readonly minDailyBudgetMinor?: number;
}

/** Static description of what an adapter can do; the orchestrator and the conformance suite read it. */
export interface PlatformCapabilities {
  /** Organic channels the adapter publishes to, with their limits. Absent when it has no `social`. */
  readonly social?: Readonly<Partial<Record<SocialChannel, ChannelCapabilities>>>;
  /** Ads support. Absent when it has no `ads`. */
  readonly ads?: AdsCapabilities;
  /** Published rate limits, one rule per bucket; the HTTP kernel queues calls under them. */
  readonly rateLimits: readonly RateLimitRule[];
}
