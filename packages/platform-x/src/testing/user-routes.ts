import type { Emulator } from '@growthhub/core/testing/kit';
import { compareIds } from './emulator-state';
import { view } from './post-routes';
import { POST_FIELDS, renderUser, USER_FIELDS } from './post-view';
import type { XRouteContext } from './route-context';
import { invalidRequest, limited, requestedFields, userAuth } from './route-context';
import { TimelineQuerySchema } from './wire-requests';

const READ_SCOPES = ['tweet.read', 'users.read'];

/** Registers `GET /2/users/me` and the user post timeline `GET /2/users/:id/tweets`. */
export function registerUserRoutes(emulator: Emulator, context: XRouteContext): void {
  emulator.route(
    'GET',
    '/2/users/me',
    limited(context, 'GET /2/users/me', (request, grant) => {
      const fields = requestedFields(request.url, ['user.fields'], USER_FIELDS);
      requestedFields(request.url, ['tweet.fields', 'post.fields'], POST_FIELDS);
      const user = context.state.users.get(grant.userId);
      if (user === undefined) return { failure: { kind: 'unauthorized', note: 'the user no longer exists' } };
      return { json: { data: renderUser(context.state, user, fields, context.naming) } };
    }),
    { auth: userAuth(context, READ_SCOPES) },
  );

  emulator.route(
    'GET',
    '/2/users/:id/tweets',
    limited(context, 'GET /2/users/:id/tweets', (request, grant) => {
      const fields = requestedFields(request.url, ['tweet.fields', 'post.fields'], POST_FIELDS);
      const userId = request.params.id ?? '';
      if (!context.state.users.has(userId)) {
        return { json: { errors: [userNotFound(userId)] } };
      }
      const query = request.query;
      const excluded = new Set(
        request.url.searchParams.getAll('exclude').flatMap((value) => value.split(',')),
      );
      for (const name of excluded) {
        if (name !== 'replies' && name !== 'retweets') {
          invalidRequest(`The \`exclude\` query parameter value [${name}] is not one of [replies,retweets]`);
        }
      }
      const startTime = query.start_time === undefined ? undefined : Date.parse(query.start_time);
      const endTime = query.end_time === undefined ? undefined : Date.parse(query.end_time);
      const before =
        query.pagination_token === undefined ? undefined : decodePageToken(query.pagination_token);
      const matching = context.state.postsBy(userId).filter((post) => {
        const created = post.createdAt.getTime();
        if (startTime !== undefined && created < startTime) return false;
        if (endTime !== undefined && created > endTime) return false;
        if (query.since_id !== undefined && compareIds(post.id, query.since_id) <= 0) return false;
        if (query.until_id !== undefined && compareIds(post.id, query.until_id) >= 0) return false;
        if (before !== undefined && compareIds(post.id, before) >= 0) return false;
        if (excluded.has('replies') && post.inReplyToPostId !== undefined) return false;
        return true;
      });
      const pageSize = query.max_results ?? 10;
      const page = matching.slice(0, pageSize);
      const newest = page[0];
      const oldest = page[page.length - 1];
      if (newest === undefined || oldest === undefined) return { json: { meta: { result_count: 0 } } };
      const meta: Record<string, unknown> = {
        result_count: page.length,
        newest_id: newest.id,
        oldest_id: oldest.id,
      };
      if (matching.length > page.length) meta.next_token = encodePageToken(oldest.id);
      return { json: { data: page.map((post) => view(context, post, fields, grant.userId)), meta } };
    }),
    { auth: userAuth(context, READ_SCOPES), query: TimelineQuerySchema.loose() },
  );
}

function userNotFound(id: string): Record<string, unknown> {
  return {
    value: id,
    detail: `Could not find user with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter: 'id',
    resource_id: id,
    type: 'https://api.x.com/2/problems/resource-not-found',
  };
}

function encodePageToken(oldestId: string): string {
  return Buffer.from(`before:${oldestId}`).toString('base64url');
}

function decodePageToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^before:([0-9]{1,19})$/.exec(decoded);
  if (match?.[1] === undefined)
    invalidRequest(`The \`pagination_token\` query parameter value [${token}] is not valid`);
  return match[1];
}
