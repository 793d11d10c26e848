import { z } from 'zod';

/**
 * Request bodies the X API v2 accepts, written from X's published OpenAPI descriptions (v2.159
 * `TweetCreateRequest`, v2.167 `CreatePostsRequest`, the media upload v2 operations). The emulator
 * accepts the union of both versions — older clients send the 2.159 shape, newer ones the 2.167 shape —
 * and, like X, rejects unknown properties (`additionalProperties: false`).
 */

/** A numeric X id (post, user, media, community): 1 to 19 digits sent as a string. */
export const XIdSchema = z
  .string()
  .regex(/^[0-9]{1,19}$/, { message: 'must be a numeric id of 1 to 19 digits' });

/** Who may reply to a post. */
export const ReplySettingsSchema = z.enum(['following', 'mentionedUsers', 'subscribers', 'verified']);

const CallToActionsSchema = z.strictObject({
  app_install: z.looseObject({}).optional(),
  visit_site: z.looseObject({}).optional(),
  watch_now: z.looseObject({}).optional(),
});

/** `media` on a post: 1–4 media ids and up to 10 tagged users (plus 2.167's card fields). */
export const TweetMediaSchema = z.strictObject({
  media_ids: z.array(XIdSchema).min(1).max(4),
  tagged_user_ids: z.array(XIdSchema).max(10).optional(),
  call_to_actions: CallToActionsSchema.optional(),
  description: z.string().optional(),
  embeddable: z.boolean().optional(),
  preview_media_id: XIdSchema.optional(),
  title: z.string().optional(),
});

/** `poll` on a post: 2–4 options of 1–25 characters, open for 5 minutes to 7 days. */
export const TweetPollSchema = z.strictObject({
  options: z.array(z.string().min(1).max(25)).min(2).max(4),
  duration_minutes: z.int().min(5).max(10_080),
  reply_settings: ReplySettingsSchema.optional(),
});

/** `reply` on a post: the post it answers, and users to leave out of the auto-populated mentions. */
export const TweetReplySchema = z.strictObject({
  in_reply_to_tweet_id: XIdSchema,
  exclude_reply_user_ids: z.array(XIdSchema).optional(),
  auto_populate_reply_metadata: z.boolean().optional(),
});

/**
 * `POST /2/tweets` body. `media`, `quote_tweet_id`, `poll` and `card_uri` are mutually exclusive, and
 * `text` is required unless media is attached.
 */
export const TweetCreateRequestSchema = z
  .strictObject({
    text: z.string().optional(),
    media: TweetMediaSchema.optional(),
    reply: TweetReplySchema.optional(),
    quote_tweet_id: XIdSchema.optional(),
    poll: TweetPollSchema.optional(),
    reply_settings: ReplySettingsSchema.optional(),
    card_uri: z.string().optional(),
    community_id: XIdSchema.optional(),
    direct_message_deep_link: z.string().optional(),
    edit_options: z.strictObject({ previous_post_id: XIdSchema }).optional(),
    for_super_followers_only: z.boolean().optional(),
    geo: z.strictObject({ place_id: z.string() }).optional(),
    made_with_ai: z.boolean().optional(),
    nullcast: z.boolean().optional(),
    paid_partnership: z.boolean().optional(),
    share_with_followers: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    const attachments = (['media', 'quote_tweet_id', 'poll', 'card_uri'] as const).filter(
      (field) => body[field] !== undefined,
    );
    if (attachments.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [attachments[1] ?? 'media'],
        message: `${attachments.join(', ')} are mutually exclusive`,
      });
    }
    if ((body.text === undefined || body.text === '') && body.media === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text is required unless media is provided' });
    }
  });

/** A parsed `POST /2/tweets` body. */
export type TweetCreateRequest = z.infer<typeof TweetCreateRequestSchema>;

/** Every media category of the upload v2 `initialize` call. */
export const MediaCategorySchema = z.enum([
  'amplify_video',
  'tweet_gif',
  'tweet_image',
  'tweet_video',
  'dm_gif',
  'dm_image',
  'dm_video',
  'subtitles',
]);

/** A media category; see {@link MediaCategorySchema}. */
export type MediaCategory = z.infer<typeof MediaCategorySchema>;

/** Every MIME type the upload v2 `initialize` call accepts. */
export const MediaTypeSchema = z.enum([
  'video/mp4',
  'video/webm',
  'video/mp2t',
  'video/quicktime',
  'text/srt',
  'text/vtt',
  'image/jpeg',
  'image/gif',
  'image/bmp',
  'image/png',
  'image/webp',
  'image/pjpeg',
  'image/tiff',
  'model/gltf-binary',
  'model/vnd.usdz+zip',
]);

/** The largest `total_bytes` the spec allows (16 GiB). */
const MAX_TOTAL_BYTES = 17_179_869_184;

/**
 * `POST /2/media/upload/initialize` body. 2.167 allows every field to be absent; X then infers what it
 * can, but a chunked upload without `total_bytes` cannot be finalised, so the emulator requires it at
 * finalize time rather than here. `additional_owners` is an array in v2 and a comma-separated string in
 * the legacy `command=INIT` form.
 */
export const MediaUploadInitializeSchema = z.strictObject({
  media_type: MediaTypeSchema.optional(),
  total_bytes: z.coerce.number().int().min(0).max(MAX_TOTAL_BYTES).optional(),
  media_category: MediaCategorySchema.optional(),
  additional_owners: z.union([z.array(XIdSchema), z.string()]).optional(),
  shared: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

/** A parsed `initialize` body. */
export type MediaUploadInitialize = z.infer<typeof MediaUploadInitializeSchema>;

/**
 * The segment index of an `append` call: 0–999, an integer in JSON or a string of up to 3 digits in
 * multipart (2.159 lists both forms).
 */
export const SegmentIndexSchema = z.union([
  z.int().min(0).max(999),
  z
    .string()
    .regex(/^[0-9]{1,3}$/)
    .transform(Number),
]);

/**
 * `POST /2/media/upload/{id}/append` fields once the body is decoded: `media` is the segment's bytes
 * (base64 in JSON bodies, a file part in multipart ones).
 */
export const MediaUploadAppendSchema = z.strictObject({
  media: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0, 'media must not be empty'),
  segment_index: SegmentIndexSchema,
});

/** The media categories the one-shot `POST /2/media/upload` accepts across spec versions. */
export const OneShotMediaCategorySchema = z.enum([
  'tweet_image',
  'dm_image',
  'subtitles',
  'tweet_video',
  'tweet_gif',
  'dm_video',
  'dm_gif',
]);

/** One-shot `POST /2/media/upload` fields once decoded (image or subtitle in a single request). */
export const MediaUploadOneShotSchema = z.strictObject({
  media: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0, 'media must not be empty'),
  media_category: OneShotMediaCategorySchema,
  media_type: z
    .enum([
      'text/srt',
      'text/vtt',
      'image/jpeg',
      'image/bmp',
      'image/png',
      'image/webp',
      'image/pjpeg',
      'image/tiff',
    ])
    .optional(),
  additional_owners: z.union([z.array(XIdSchema), z.string()]).optional(),
  shared: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

/** The legacy `command` form field on `POST /2/media/upload` (docs' chunked quickstart). */
export const LegacyUploadCommandSchema = z.enum(['INIT', 'APPEND', 'FINALIZE', 'STATUS']);

/** `GET /2/users/{id}/tweets` query parameters the emulator honours. */
export const TimelineQuerySchema = z.object({
  max_results: z.coerce.number().int().min(5).max(100).optional(),
  pagination_token: z.string().min(1).optional(),
  start_time: z.iso.datetime({ offset: true }).optional(),
  end_time: z.iso.datetime({ offset: true }).optional(),
  since_id: XIdSchema.optional(),
  until_id: XIdSchema.optional(),
});

/** OAuth 2.0 token endpoint form (`application/x-www-form-urlencoded`). */
export const TokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().min(1),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  }),
]);

/** A parsed token request. */
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

/** OAuth 2.0 revoke form: the token and an optional hint of its kind. */
export const RevokeRequestSchema = z.object({
  token: z.string().min(1),
  token_type_hint: z.enum(['access_token', 'refresh_token']).optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

/** The authorize page's query string, as X's docs list it. */
export const AuthorizeQuerySchema = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  scope: z.string().min(1),
  state: z.string().min(1).max(500),
  code_challenge: z.string().min(1),
  code_challenge_method: z.enum(['S256', 'plain']).default('plain'),
});

/** A parsed authorize query. */
export type AuthorizeQuery = z.infer<typeof AuthorizeQuerySchema>;
