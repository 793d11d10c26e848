import type {
  CallOptions,
  CommentInput,
  CommentResult,
  MediaRef,
  PublishedResult,
  PublishOptions,
  PublishStatusResult,
  SocialPost,
} from '@growthhub/core';
import { AuthError, PlatformApiError, ValidationError } from '@growthhub/core';
import { problemToError } from './errors';
import { X_BUCKETS } from './limits';
import { uploadMedia } from './media';
import { composeXText, validateXPost } from './post-rules';
import { ThreadInterruptedError } from './thread-error';
import type { XApi } from './x-api';
import { requireXId } from './x-id';
import { CreatedPostSchema, DeletedSchema, SinglePostSchema } from './x-responses';

/** The public URL of a post (X redirects `i/web/status` to the author's handle). */
export function xPostUrl(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}

/**
 * Publishes a post once: validates it (no request when it breaks a rule), uploads its media, posts
 * it (a quote post when `link` is an X post URL), then each thread part as a reply to the previous
 * post, then the first comment as a reply to the last post. Nothing is retried blindly: a thread that
 * fails part-way throws {@link ThreadInterruptedError} with the ids already posted and whether the
 * failed part may be on X anyway (`outcome: 'unknown'`: reconcile with `findPublished` before continuing). A failed first
 * comment is logged and does not fail the publish (the post is out).
 */
export async function publishPost(
  api: XApi,
  post: SocialPost,
  options: PublishOptions,
): Promise<PublishedResult> {
  const blocking = validateXPost(post).filter((issue) => issue.severity === 'error');
  const first = blocking[0];
  if (first !== undefined) {
    throw new ValidationError({
      field: `post.${first.field}`,
      reason: first.reason,
      fix: first.fix,
      issues: blocking.map((issue) => ({ field: `post.${issue.field}`, reason: issue.reason })),
    });
  }
  requireScopes(api, post.media.length > 0 || (post.thread ?? []).some((part) => part.media.length > 0));
  const { text, quoteTweetId } = composeXText(post);
  const rootMedia = await uploadAll(api, post.media, 'post.media', options.signal);
  const rootId = await createPost(
    api,
    {
      ...(text === '' ? {} : { text }),
      ...(rootMedia.length === 0 ? {} : { media: { media_ids: rootMedia } }),
      ...(quoteTweetId === undefined ? {} : { quote_tweet_id: quoteTweetId }),
    },
    options.signal,
  );
  const postedIds = [rootId];
  for (const [index, part] of (post.thread ?? []).entries()) {
    let mediaIds: string[];
    try {
      mediaIds = await uploadAll(api, part.media, `post.thread.${index}.media`, options.signal);
    } catch (error) {
      // The reply itself was never sent.
      throw new ThreadInterruptedError({
        postedIds,
        failedPart: index + 1,
        cause: error,
        outcome: 'not_posted',
      });
    }
    try {
      postedIds.push(await reply(api, postedIds.at(-1) ?? rootId, part.caption, mediaIds, options.signal));
    } catch (error) {
      // A timeout or 5xx may still have posted the reply: the error's `outcome` says so.
      throw new ThreadInterruptedError({ postedIds, failedPart: index + 1, cause: error });
    }
  }
  if (post.firstComment !== undefined && post.firstComment.trim() !== '') {
    try {
      await reply(api, postedIds.at(-1) ?? rootId, post.firstComment, [], options.signal);
    } catch (error) {
      api.context.logger.warn('x first comment failed; the post itself is published', {
        postId: rootId,
        code: (error as { code?: unknown }).code,
      });
    }
  }
  return {
    status: 'published',
    platformPostId: rootId,
    url: xPostUrl(rootId),
    ...(postedIds.length > 1 ? { threadPostIds: postedIds } : {}),
  };
}

/** Adds a reply to a post (first comment, thread continuation) with optional media. */
export async function commentOn(
  api: XApi,
  platformPostId: string,
  comment: CommentInput,
  options: CallOptions = {},
): Promise<CommentResult> {
  requireXId(platformPostId, 'platformPostId');
  const issues = validateXPost({
    ...COMMENT_SHELL,
    caption: comment.text,
    media: [...(comment.media ?? [])],
    kind: (comment.media ?? []).some((file) => file.kind === 'video')
      ? 'video'
      : (comment.media ?? []).length > 0
        ? 'image'
        : 'text',
  }).filter((issue) => issue.severity === 'error');
  const first = issues[0];
  if (first !== undefined) {
    throw new ValidationError({
      field: `comment.${first.field === 'caption' ? 'text' : first.field}`,
      reason: first.reason,
      fix: first.fix,
    });
  }
  requireScopes(api, (comment.media ?? []).length > 0);
  const mediaIds = await uploadAll(api, comment.media ?? [], 'comment.media', options.signal);
  const id = await reply(api, platformPostId, comment.text, mediaIds, options.signal);
  return { platformCommentId: id, url: xPostUrl(id) };
}

/** X publishes synchronously; the handle is the post id, reported as published while the post exists. */
export async function publishStatus(
  api: XApi,
  handle: string,
  options: CallOptions = {},
): Promise<PublishStatusResult> {
  requireXId(handle, 'handle');
  const { data } = await api.send({
    method: 'GET',
    path: `/2/tweets/${encodeURIComponent(handle)}`,
    bucket: X_BUCKETS.lookupPosts,
    responseSchema: SinglePostSchema,
    signal: options.signal,
  });
  const found = data.data;
  if (found === undefined) {
    return {
      status: 'failed',
      code: 'x_not_found',
      message: `X has no post ${handle} (deleted or never created).`,
      retryable: false,
    };
  }
  return { status: 'published', platformPostId: found.id, url: xPostUrl(found.id) };
}

/** Deletes one of the connection's posts. */
export async function deleteXPost(
  api: XApi,
  platformPostId: string,
  options: CallOptions = {},
): Promise<void> {
  requireXId(platformPostId, 'platformPostId');
  const { data } = await api.send({
    method: 'DELETE',
    path: `/2/tweets/${encodeURIComponent(platformPostId)}`,
    bucket: X_BUCKETS.deletePost,
    responseSchema: DeletedSchema,
    signal: options.signal,
  });
  if (!data.data.deleted) {
    throw new PlatformApiError({
      platform: 'x',
      status: 200,
      code: 'x_not_deleted',
      message: `X did not delete post ${platformPostId}.`,
    });
  }
}

async function reply(
  api: XApi,
  parentId: string,
  text: string,
  mediaIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<string> {
  return createPost(
    api,
    {
      ...(text === '' ? {} : { text }),
      ...(mediaIds.length === 0 ? {} : { media: { media_ids: mediaIds } }),
      reply: { in_reply_to_tweet_id: parentId },
    },
    signal,
  );
}

async function createPost(
  api: XApi,
  body: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { data, headers } = await api.send({
    method: 'POST',
    path: '/2/tweets',
    bucket: X_BUCKETS.createPost,
    json: body,
    responseSchema: CreatedPostSchema,
    signal,
  });
  if (data.data !== undefined) return data.data.id;
  const problem = data.errors?.[0] ?? {};
  throw problemToError(problem, {
    status: problem.status ?? 400,
    headers,
    request: { method: 'POST', url: `${api.config.apiBaseUrl}/2/tweets` },
  });
}

async function uploadAll(
  api: XApi,
  media: readonly MediaRef[],
  field: string,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, file] of media.entries()) {
    const uploaded = await uploadMedia(api, { url: file.url, mimeType: file.mimeType }, file.kind, {
      field: `${field}.${index}.url`,
      ...(signal === undefined ? {} : { signal }),
    });
    ids.push(uploaded.mediaId);
  }
  return ids;
}

/** Refuses early, without a request, when the connection was granted scopes that exclude posting. */
function requireScopes(api: XApi, withMedia: boolean): void {
  const granted = api.context.connection.scopes;
  if (granted.length === 0) return;
  const missing = ['tweet.write', ...(withMedia ? ['media.write'] : [])].filter(
    (scope) => !granted.includes(scope),
  );
  if (missing.length === 0) return;
  throw new AuthError({
    platform: 'x',
    connectionId: api.context.connection.id,
    needsReconnect: false,
    code: 'x_missing_scope',
    message: `The X connection was not granted ${missing.join(' and ')}. Reconnect the account and approve these permissions.`,
  });
}

const COMMENT_SHELL: SocialPost = {
  id: 'comment',
  storeId: 'comment',
  connectionId: 'comment',
  accountId: 'comment',
  channel: 'x',
  kind: 'text',
  status: 'draft',
  caption: '',
  hashtags: [],
  media: [],
  idempotencyKey: 'comment-validation',
  contentHash: '0'.repeat(64),
  attempts: [],
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
};
