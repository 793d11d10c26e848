import { z } from 'zod';

/**
 * The parts of X API v2 answers the adapter reads: minimal and tolerant (unknown fields pass, both
 * field-name generations — `retweet_count`/`repost_count`, `tweet_count`/`post_count` — are read).
 */

/** One entry of a 200 answer's partial `errors[]`. */
export const PartialErrorSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  resource_id: z.string().optional(),
  value: z.string().optional(),
  code: z.number().optional(),
  message: z.string().optional(),
});

const count = z.number().int().nonnegative();

/** A post's `public_metrics` in either naming generation. */
export const PublicMetricsSchema = z.looseObject({
  retweet_count: count.optional(),
  repost_count: count.optional(),
  reply_count: count.optional(),
  like_count: count.optional(),
  quote_count: count.optional(),
  bookmark_count: count.optional(),
  impression_count: count.optional(),
});

/** A post as returned by lookups and timelines. */
export const PostSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().default(''),
  created_at: z.string().optional(),
  author_id: z.string().optional(),
  public_metrics: PublicMetricsSchema.optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
});

/** A post as returned by lookups and timelines. */
export type XPost = z.infer<typeof PostSchema>;

/** `POST /2/tweets` (201): the new post's id, or partial errors. */
export const CreatedPostSchema = z.looseObject({
  data: z.looseObject({ id: z.string().min(1), text: z.string().optional() }).optional(),
  errors: z.array(PartialErrorSchema).optional(),
});

/** `GET /2/tweets?ids=` and `GET /2/users/:id/tweets`: posts found plus partial errors. */
export const PostListSchema = z.looseObject({
  data: z.array(PostSchema).optional(),
  errors: z.array(PartialErrorSchema).optional(),
  meta: z.looseObject({ result_count: z.number().optional(), next_token: z.string().optional() }).optional(),
});

/** `GET /2/tweets/:id`: the post, or a partial error when it does not exist. */
export const SinglePostSchema = z.looseObject({
  data: PostSchema.optional(),
  errors: z.array(PartialErrorSchema).optional(),
});

/** `GET /2/users/me`. */
export const MeSchema = z.looseObject({
  data: z.looseObject({
    id: z.string().min(1),
    name: z.string().default(''),
    username: z.string().default(''),
    public_metrics: z
      .looseObject({
        followers_count: count.optional(),
        following_count: count.optional(),
        tweet_count: count.optional(),
        post_count: count.optional(),
        listed_count: count.optional(),
      })
      .optional(),
  }),
});

/** `processing_info` of an uploaded video or GIF. */
export const ProcessingInfoSchema = z.looseObject({
  state: z.enum(['pending', 'in_progress', 'succeeded', 'failed']),
  check_after_secs: z.number().nonnegative().optional(),
  progress_percent: z.number().optional(),
  error: z
    .looseObject({ code: z.number().optional(), name: z.string().optional(), message: z.string().optional() })
    .optional(),
});

/** Media upload answers (`initialize`, one-shot, `finalize`, `STATUS`). */
export const MediaUploadSchema = z.looseObject({
  data: z.looseObject({
    id: z.string().min(1),
    media_key: z.string().optional(),
    processing_info: ProcessingInfoSchema.optional(),
  }),
});

/** Media upload answers; see {@link MediaUploadSchema}. */
export type XMediaUpload = z.infer<typeof MediaUploadSchema>;

/** `DELETE /2/tweets/:id`. */
export const DeletedSchema = z.looseObject({ data: z.looseObject({ deleted: z.boolean() }) });
