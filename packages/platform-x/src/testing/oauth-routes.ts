import type { Emulator, EmulatorReply, EmulatorRequest } from '@growthhub/core/testing/kit';
import { EmulatorProblem } from '@growthhub/core/testing/kit';
import { z } from 'zod';
import { renderAuthorizePage } from './authorize-page';
import type { EmulatedClient } from './oauth-grants';
import { verifyPkce } from './oauth-grants';
import type { XRouteContext } from './route-context';
import { AuthorizeQuerySchema, RevokeRequestSchema, TokenRequestSchema } from './wire-requests';

/** Scopes X's OAuth 2.0 authorization server knows (from the OpenAPI `OAuth2UserToken` scheme). */
const KNOWN_SCOPES = new Set([
  'block.read',
  'bookmark.read',
  'bookmark.write',
  'dm.read',
  'dm.write',
  'follows.read',
  'follows.write',
  'like.read',
  'like.write',
  'list.read',
  'list.write',
  'media.write',
  'mute.read',
  'mute.write',
  'offline.access',
  'space.read',
  'timeline.read',
  'tweet.moderate.write',
  'tweet.read',
  'tweet.write',
  'users.read',
]);

/** Where the consent form posts the person's decision. */
export const AUTHORIZE_PATH = '/i/oauth2/authorize';

const DecisionSchema = z.object({
  request_id: z.string().min(1),
  decision: z.enum(['approve', 'deny']),
  user_id: z.string().optional(),
});

/**
 * Registers X's OAuth 2.0 endpoints: the consent page (`/i/oauth2/authorize`, and the OpenAPI's
 * `/2/oauth2/authorize`), the decision post, `POST /2/oauth2/token` (code with PKCE, refresh) and
 * `POST /2/oauth2/revoke`. Confidential clients must authenticate with HTTP Basic; public clients send
 * `client_id` in the body. Errors are RFC 6749 `{ error, error_description }`.
 */
export function registerOAuthRoutes(emulator: Emulator, context: XRouteContext): void {
  const showConsent = (
    request: EmulatorRequest<unknown, z.output<typeof AuthorizeQuerySchema>>,
  ): EmulatorReply => {
    const query = request.query;
    const client = context.grants.clients.get(query.client_id);
    if (client === undefined) return oauthError('invalid_request', 'Unknown client_id.');
    if (!redirectAllowed(client, query.redirect_uri)) {
      return oauthError(
        'invalid_request',
        'redirect_uri does not match a callback URL registered for the app.',
      );
    }
    const scopes = query.scope.split(/[\s+]+/).filter((scope) => scope !== '');
    const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
    if (unknown.length > 0) return oauthError('invalid_scope', `Unknown scope: ${unknown.join(' ')}.`);
    const pending = context.grants.startAuthorization({
      clientId: client.clientId,
      redirectUri: query.redirect_uri,
      scopes,
      state: query.state,
      codeChallenge: query.code_challenge,
      codeChallengeMethod: query.code_challenge_method,
    });
    return {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      text: renderAuthorizePage(pending, [...context.state.users.values()], AUTHORIZE_PATH),
    };
  };
  for (const path of [AUTHORIZE_PATH, '/2/oauth2/authorize']) {
    emulator.route('GET', path, showConsent, { envelope: 'oauth', query: AuthorizeQuerySchema });
  }

  emulator.route(
    'POST',
    AUTHORIZE_PATH,
    (request) => {
      const pending = context.grants.takeAuthorization(request.body.request_id);
      if (pending === undefined)
        return oauthError('invalid_request', 'The authorization request expired; start again.');
      const target = new URL(pending.redirectUri);
      target.searchParams.set('state', pending.state);
      if (request.body.decision === 'deny') {
        target.searchParams.set('error', 'access_denied');
      } else {
        const userId = request.body.user_id ?? [...context.state.users.keys()][0] ?? '';
        if (!context.state.users.has(userId)) return oauthError('invalid_request', 'Unknown account.');
        target.searchParams.set('code', context.grants.issueCode(pending, userId).code);
      }
      return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
    },
    { envelope: 'oauth', body: DecisionSchema },
  );

  emulator.route(
    'POST',
    '/2/oauth2/token',
    (request) => {
      const client = authenticateClient(context, request);
      const body = TokenRequestSchema.safeParse(request.body);
      if (!body.success) {
        const field = body.error.issues[0]?.path.join('.') || 'grant_type';
        return oauthError('invalid_request', `Missing or invalid parameter: ${field}.`);
      }
      if (body.data.grant_type === 'authorization_code') {
        const code = context.grants.findCode(body.data.code);
        const valid =
          code !== undefined &&
          !code.used &&
          code.expiresAt > context.state.now() &&
          code.clientId === client.clientId &&
          code.redirectUri === body.data.redirect_uri &&
          verifyPkce(body.data.code_verifier, code.codeChallenge, code.codeChallengeMethod);
        if (code !== undefined) code.used = true;
        if (!valid || code === undefined) {
          return oauthError('invalid_request', 'Value passed for the authorization code was invalid.');
        }
        const grant = context.grants.issueGrant(client.clientId, code.userId, code.scopes);
        return tokenReply(context.grants.toResponse(grant));
      }
      const grant = context.grants.grantForRefreshToken(body.data.refresh_token);
      if (grant === undefined || grant.clientId !== client.clientId) {
        return oauthError('invalid_request', 'Value passed for the token was invalid.');
      }
      return tokenReply(context.grants.toResponse(context.grants.refresh(grant)));
    },
    { envelope: 'oauth' },
  );

  emulator.route(
    'POST',
    '/2/oauth2/revoke',
    (request) => {
      authenticateClient(context, request);
      const body = RevokeRequestSchema.safeParse(request.body);
      if (!body.success) return oauthError('invalid_request', 'Missing required parameter: token.');
      context.grants.revoke(body.data.token);
      return tokenReply({ revoked: true });
    },
    { envelope: 'oauth' },
  );
}

/**
 * Who is calling the token endpoint: HTTP Basic for a confidential client (required), `client_id`
 * in the form for a public one. Throws X's `unauthorized_client` answer otherwise.
 */
function authenticateClient(context: XRouteContext, request: EmulatorRequest): EmulatedClient {
  if (request.contentType !== 'application/x-www-form-urlencoded') {
    throw new EmulatorProblem({
      kind: 'invalidRequest',
      message: 'Content-Type must be application/x-www-form-urlencoded.',
    });
  }
  const form = (request.body ?? {}) as Record<string, unknown>;
  const bodyClientId = typeof form.client_id === 'string' ? form.client_id : undefined;
  const basic = /^basic\s+(.+)$/i.exec(request.headers.authorization?.trim() ?? '');
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = formDecode(decoded.slice(0, Math.max(0, colon)));
    const secret = formDecode(decoded.slice(colon + 1));
    const client = context.grants.clients.get(clientId);
    const valid =
      colon > 0 &&
      client?.clientSecret !== undefined &&
      client.clientSecret === secret &&
      (bodyClientId === undefined || bodyClientId === clientId);
    if (!valid || client === undefined) throw unauthorizedClient();
    return client;
  }
  const client = bodyClientId === undefined ? undefined : context.grants.clients.get(bodyClientId);
  // A confidential client must use Basic: X answers a body-only client as if no credentials were sent.
  if (client === undefined || client.clientSecret !== undefined) throw unauthorizedClient();
  return client;
}

function unauthorizedClient(): EmulatorProblem {
  return new EmulatorProblem({
    kind: 'unauthorized',
    code: 'unauthorized_client',
    message: 'Missing valid authorization header',
  });
}

function redirectAllowed(client: EmulatedClient, redirectUri: string): boolean {
  if (client.redirectUris.length > 0) return client.redirectUris.includes(redirectUri);
  try {
    return /^https?:$/.test(new URL(redirectUri).protocol);
  } catch {
    return false;
  }
}

function oauthError(error: string, description: string): EmulatorReply {
  return { failure: { kind: 'invalidRequest', code: error, message: description } };
}

function tokenReply(body: unknown): EmulatorReply {
  return { json: body, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
