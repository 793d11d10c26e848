import { randomBytes } from 'node:crypto';
import { findUrlSpans, parseXText } from '@growthhub/core';
import type { Emulator, EmulatorReply } from '@growthhub/core/testing/kit';
import { EmulatorProblem, queryList } from '@growthhub/core/testing/kit';
import { z } from 'zod';
import type { EmulatedMedia, EmulatedPost } from './emulator-state';
import { noBoost } from './emulator-state';
import { POST_FIELDS, renderPost } from './post-view';
import type { XRouteContext } from './route-context';
import { invalidRequest, limited, requestedFields, userAuth } from './route-context';
import { type TweetCreateRequest, TweetCreateRequestSchema, XIdSchema } from './wire-requests';

const WRITE_SCOPES = ['tweet.read', 'tweet.write', 'users.read'];
const READ_SCOPES = ['tweet.read', 'users.read'];
const FIELD_PARAMETERS = ['tweet.fields', 'post.fields'];

/** Registers `POST /2/tweets`, `GET /2/tweets`, `GET /2/tweets/:id` and `DELETE /2/tweets/:id`. */
export function registerPostRoutes(emulator: Emulator, context: XRouteContext): void {
  emulator.route(
    'POST',
    '/2/tweets',
    limited(context, 'POST /2/tweets', (request, grant) => {
      if (request.contentType !== 'application/json') {
        invalidRequest('Request body must be JSON (Content-Type: application/json).');
      }
      const post = createPost(context, request.body, grant.userId, grant.clientId);
      const data = { id: post.id, text: post.text, [editHistoryField(context)]: [post.id] };
      return { status: 201, json: { data } };
    }),
    { auth: userAuth(context, WRITE_SCOPES), body: TweetCreateRequestSchema },
  );

  emulator.route(
    'GET',
    '/2/tweets',
    limited(context, 'GET /2/tweets', (request, grant) => {
      const fields = requestedFields(request.url, FIELD_PARAMETERS, POST_FIELDS);
      const ids = request.query.ids;
      if (ids.length > 100)
        invalidRequest(
          'The number of values in the `ids` query parameter list [' +
            ids.length +
            '] is not between 1 and 100',
        );
      const data: Record<string, unknown>[] = [];
      const errors: Record<string, unknown>[] = [];
      for (const id of ids) {
        if (!XIdSchema.safeParse(id).success) {
          invalidRequest(`The \`ids\` query parameter value [${id}] does not match ^[0-9]{1,19}$`);
        }
        const post = context.state.livePost(id);
        if (post === undefined) errors.push(notFoundItem(id, 'ids'));
        else data.push(view(context, post, fields, grant.userId));
      }
      return { json: { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) } };
    }),
    { auth: userAuth(context, READ_SCOPES), query: z.looseObject({ ids: queryList() }) },
  );

  emulator.route(
    'GET',
    '/2/tweets/:id',
    limited(context, 'GET /2/tweets/:id', (request, grant) => {
      const fields = requestedFields(request.url, FIELD_PARAMETERS, POST_FIELDS);
      const post = context.state.livePost(request.params.id ?? '');
      if (post === undefined) return { json: { errors: [notFoundItem(request.params.id ?? '', 'id')] } };
      return { json: { data: view(context, post, fields, grant.userId) } };
    }),
    { auth: userAuth(context, READ_SCOPES) },
  );

  emulator.route(
    'DELETE',
    '/2/tweets/:id',
    limited(context, 'DELETE /2/tweets/:id', (request, grant): EmulatorReply => {
      const post = context.state.livePost(request.params.id ?? '');
      if (post === undefined) {
        return {
          failure: { kind: 'notFound', message: `Could not find tweet with id: [${request.params.id}].` },
        };
      }
      if (post.authorId !== grant.userId) {
        return {
          failure: {
            kind: 'forbidden',
            message: 'You are not allowed to delete a Tweet you did not author.',
          },
        };
      }
      post.deletedAt = new Date(context.state.now());
      return { json: { data: { deleted: true } } };
    }),
    { auth: userAuth(context, WRITE_SCOPES) },
  );
}

/** Renders a post with the emulator's naming and growth. */
export function view(
  context: XRouteContext,
  post: EmulatedPost,
  fields: ReadonlySet<string>,
  viewerId: string,
): Record<string, unknown> {
  return renderPost(context.state, post, fields, {
    naming: context.naming,
    growth: context.growth,
    viewerId,
  });
}

function createPost(
  context: XRouteContext,
  body: TweetCreateRequest,
  userId: string,
  clientId: string,
): EmulatedPost {
  const { state } = context;
  const text = body.text ?? '';
  if (parseXText(text).weightedLength > 280) {
    invalidRequest(
      'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
    );
  }
  const mediaIds = body.media?.media_ids ?? [];
  checkMedia(context, mediaIds, userId);
  const parent = body.reply === undefined ? undefined : state.livePost(body.reply.in_reply_to_tweet_id);
  if (body.reply !== undefined) {
    if (parent === undefined) {
      throw new EmulatorProblem({
        kind: 'forbidden',
        message: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
      });
    }
    if (context.restrictReplies && !mayReply(context, parent, userId)) {
      throw new EmulatorProblem({
        kind: 'forbidden',
        message:
          'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
      });
    }
  }
  if (body.quote_tweet_id !== undefined && state.livePost(body.quote_tweet_id) === undefined) {
    invalidRequest(`Could not find the quoted Tweet with id: [${body.quote_tweet_id}].`);
  }
  if (text !== '' && isDuplicate(context, text, userId)) {
    throw new EmulatorProblem({
      kind: 'forbidden',
      message: 'You are not allowed to create a Tweet with duplicate content.',
    });
  }
  const id = state.nextId();
  const post: EmulatedPost = {
    id,
    authorId: userId,
    text: displayText(text, mediaIds.length > 0),
    sourceText: text,
    createdAt: new Date(state.now()),
    conversationId: parent?.conversationId ?? id,
    ...(parent === undefined ? {} : { inReplyToPostId: parent.id, inReplyToUserId: parent.authorId }),
    ...(body.quote_tweet_id === undefined ? {} : { quotedPostId: body.quote_tweet_id }),
    mediaIds,
    ...(body.poll === undefined
      ? {}
      : { poll: { options: body.poll.options, durationMinutes: body.poll.duration_minutes } }),
    ...(body.reply_settings === undefined ? {} : { replySettings: body.reply_settings }),
    clientId,
    boost: noBoost(),
  };
  state.posts.set(id, post);
  return post;
}

function checkMedia(context: XRouteContext, mediaIds: readonly string[], userId: string): void {
  const media: EmulatedMedia[] = [];
  for (const id of mediaIds) {
    const found = context.state.media.get(id);
    const usable =
      found !== undefined &&
      (found.ownerId === userId || found.additionalOwners.includes(userId)) &&
      found.finalizedAt !== undefined &&
      found.expiresAt.getTime() > context.state.now() &&
      context.state.processingState(found, context.checkAfterSecs) === 'succeeded';
    if (!usable || found === undefined) invalidRequest('Your media IDs are invalid.');
    media.push(found);
  }
  const single = media.filter((item) => item.category !== 'tweet_image' && item.category !== 'dm_image');
  if (single.length > 0 && media.length > 1) {
    invalidRequest('A post can carry up to 4 images, or 1 GIF, or 1 video; these media cannot be combined.');
  }
}

function mayReply(context: XRouteContext, parent: EmulatedPost, userId: string): boolean {
  if (parent.authorId === userId) return true;
  const user = context.state.users.get(userId);
  const mentioned = user !== undefined && new RegExp(`(^|\\W)@${user.username}\\b`, 'i').test(parent.text);
  const quoted =
    parent.quotedPostId !== undefined && context.state.posts.get(parent.quotedPostId)?.authorId === userId;
  return mentioned || quoted;
}

function isDuplicate(context: XRouteContext, text: string, userId: string): boolean {
  const since = context.state.now() - 24 * 60 * 60_000;
  return context.state
    .postsBy(userId)
    .some((post) => post.createdAt.getTime() >= since && post.sourceText.trim() === text.trim());
}

/** X rewrites every link to a 23-character t.co link and appends a link to attached media. */
function displayText(text: string, withMedia: boolean): string {
  let shown = '';
  let cursor = 0;
  for (const span of findUrlSpans(text)) {
    shown += `${text.slice(cursor, span.start)}${tcoLink()}`;
    cursor = span.end;
  }
  shown += text.slice(cursor);
  return withMedia ? `${shown}${shown === '' ? '' : ' '}${tcoLink()}` : shown;
}

function tcoLink(): string {
  return `https://t.co/${randomBytes(8).toString('base64url').slice(0, 10)}`;
}

function notFoundItem(id: string, parameter: string): Record<string, unknown> {
  return {
    value: id,
    detail: `Could not find tweet with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter,
    resource_id: id,
    type: 'https://api.x.com/2/problems/resource-not-found',
  };
}

function editHistoryField(context: XRouteContext): string {
  return context.naming === 'post' ? 'edit_history_post_ids' : 'edit_history_tweet_ids';
}
