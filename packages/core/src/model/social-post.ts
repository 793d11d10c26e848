import { z } from 'zod';
import { IdSchema } from './identifier';
import { MediaRefSchema } from './media';
import { SocialChannelSchema } from './platform';
import { PublishAttemptSchema } from './publish-attempt';
import { IsoDateTimeSchema } from './time';

/**
 * The shape of a post. Which kinds a platform supports is in its `PlatformCapabilities`:
 * `text`, `image` (one or more images), `carousel` (swipeable set), `video` (feed video), `reel`
 * (Instagram/Facebook reels), `story`, `thread` (X thread), `pin` (Pinterest), `short` (YouTube Shorts).
 */
export const PostKindSchema = z.enum([
  'text',
  'image',
  'carousel',
  'video',
  'reel',
  'story',
  'thread',
  'pin',
  'short',
]);

/** The shape of a post; see {@link PostKindSchema}. */
export type PostKind = z.infer<typeof PostKindSchema>;

/**
 * Where a post is in its lifecycle: `draft` → `scheduled` → `publishing` → `published` | `failed`,
 * and `cancelled` from any state before `published`. See {@link POST_STATUS_TRANSITIONS}.
 */
export const PostStatusSchema = z.enum([
  'draft',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'cancelled',
]);

/** Where a post is in its lifecycle; see {@link PostStatusSchema}. */
export type PostStatus = z.infer<typeof PostStatusSchema>;

/**
 * The allowed status changes. `publishing → scheduled` is a retry after a failure the platform
 * provably did not act on; `failed → scheduled` is a manual retry.
 */
export const POST_STATUS_TRANSITIONS: Readonly<Record<PostStatus, readonly PostStatus[]>> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'publishing', 'cancelled'],
  publishing: ['published', 'failed', 'scheduled'],
  published: [],
  failed: ['scheduled', 'cancelled'],
  cancelled: ['draft'],
};

/** True when a post may move from `from` to `to`; see {@link POST_STATUS_TRANSITIONS}. */
export function canTransitionPost(from: PostStatus, to: PostStatus): boolean {
  return POST_STATUS_TRANSITIONS[from].includes(to);
}

/** A later part of a thread (X): its own text and media, posted as a reply to the previous part. */
export const ThreadPartSchema = z.strictObject({
  caption: z.string().max(100_000),
  media: z.array(MediaRefSchema).max(10).default([]),
});

/** A later part of a thread; see {@link ThreadPartSchema}. */
export type ThreadPart = z.infer<typeof ThreadPartSchema>;

/**
 * One organic post on one channel and account. The variants of one idea for several channels are
 * separate posts sharing a `groupId`, each with its own caption, hashtags, media, status and history.
 */
export const SocialPostSchema = z
  .strictObject({
    id: IdSchema,
    storeId: IdSchema,
    /** The calendar that planned it, if any. */
    calendarId: IdSchema.optional(),
    /** Links the per-channel variants of one content idea. */
    groupId: IdSchema.optional(),
    /** The platform connection used to publish. */
    connectionId: IdSchema,
    /** The connected account (Page, IG business account, channel, board owner, user) it is posted as. */
    accountId: IdSchema,
    channel: SocialChannelSchema,
    kind: PostKindSchema,
    status: PostStatusSchema,
    /** Body text for this channel, without the hashtags (they are appended by the publisher). */
    caption: z.string().max(100_000),
    /** Hashtags without `#`, already normalised for this channel. */
    hashtags: z.array(z.string().min(1).max(100)).default([]),
    /** Title, where the channel has one (YouTube video title, Pinterest pin title). */
    title: z.string().max(1000).optional(),
    /** Destination link (Pinterest pin link, Facebook link post). */
    link: z.url({ protocol: /^https?$/ }).optional(),
    /** Pinterest board to pin to. */
    boardId: IdSchema.optional(),
    media: z.array(MediaRefSchema).default([]),
    /** Later parts when `kind` is `thread`. */
    thread: z.array(ThreadPartSchema).optional(),
    /** Text to post as the first comment after publishing. */
    firstComment: z.string().max(10_000).optional(),
    /** When it should go out (required from `scheduled` on). */
    scheduledAt: IsoDateTimeSchema.optional(),
    /**
     * Stable key for exactly-once publishing: the same key is never published twice. Set once at
     * creation and never changed.
     */
    idempotencyKey: z.string().min(1).max(128),
    /** SHA-256 (hex) of the channel, account, caption, hashtags and media; used to reconcile with the platform. */
    contentHash: z.string().regex(/^[a-f0-9]{64}$/, { message: 'Use a lower-case hex SHA-256 digest.' }),
    /** The platform's id once published. */
    platformPostId: IdSchema.optional(),
    /** Public URL once published. */
    url: z.url().optional(),
    /** Handle of an asynchronous publish still processing on the platform (TikTok publish_id, IG container). */
    processingHandle: z.string().min(1).max(1024).optional(),
    publishedAt: IsoDateTimeSchema.optional(),
    /** Who approved it in approval mode, and when. */
    approvedBy: IdSchema.optional(),
    approvedAt: IsoDateTimeSchema.optional(),
    /** Every publish attempt, oldest first. */
    attempts: z.array(PublishAttemptSchema).default([]),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  })
  .superRefine((post, ctx) => {
    if (post.status !== 'draft' && post.status !== 'cancelled' && post.scheduledAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['scheduledAt'],
        message: `A ${post.status} post needs \`scheduledAt\`.`,
      });
    }
    if (post.status === 'published' && post.platformPostId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['platformPostId'],
        message: 'A published post needs the platform post id.',
      });
    }
    post.attempts.forEach((attempt, index) => {
      if (attempt.attempt !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['attempts', index, 'attempt'],
          message: `Attempts are numbered 1, 2, 3… in order; expected ${index + 1}.`,
        });
      }
    });
  });

/** One organic post on one channel and account; see {@link SocialPostSchema}. */
export type SocialPost = z.infer<typeof SocialPostSchema>;
