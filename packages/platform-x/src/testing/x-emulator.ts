import type {
  Emulator,
  FaultQueue,
  ListenOptions,
  RecordedRequest,
  RunningEmulator,
} from '@growthhub/core/testing/kit';
import { createEmulator } from '@growthhub/core/testing/kit';
import type {
  EmulatedMedia,
  EmulatedPost,
  EmulatedUser,
  EngagementBoost,
  ProcessingOutcome,
} from './emulator-state';
import { EmulatorState, noBoost } from './emulator-state';
import { type EndpointLimit, EndpointLimiter, X_ENDPOINT_LIMITS, type XEndpoint } from './endpoint-limits';
import { registerMediaRoutes } from './media-routes';
import type { EmulatedClient, IssuedTokens } from './oauth-grants';
import { OAuthGrants } from './oauth-grants';
import { registerOAuthRoutes } from './oauth-routes';
import { registerPostRoutes } from './post-routes';
import type { FieldNaming, MetricsGrowth } from './post-view';
import type { XRouteContext } from './route-context';
import { registerUserRoutes } from './user-routes';

/** A user to seed the emulator with. */
export interface XEmulatorUserInit {
  /** Numeric id; generated when absent. */
  readonly id?: string;
  readonly username: string;
  readonly name?: string;
  readonly followers?: number;
  readonly description?: string;
}

/** Settings for {@link createXEmulator}; every one has a default. */
export interface XEmulatorOptions {
  /**
   * OAuth clients of the emulated app. Default: one confidential client
   * `{ clientId: 'growthhub-x-client', clientSecret: 'growthhub-x-secret' }` accepting any redirect URI.
   */
  readonly clients?: readonly EmulatedClient[];
  /** Accounts that can authorise. Default: one user `@growthhub_demo` with 1,200 followers. */
  readonly users?: readonly XEmulatorUserInit[];
  /** Clock in epoch milliseconds for posts, tokens, processing and rate limits. Default `Date.now`. */
  readonly now?: () => number;
  /** Access token lifetime. Default 7,200 s (X's 2 hours). */
  readonly accessTokenTtlSeconds?: number;
  /** Authorization code lifetime. Default 30 s. */
  readonly authorizationCodeTtlSeconds?: number;
  /** Issue a new refresh token on every refresh and retire the old one. Default true. */
  readonly rotateRefreshTokens?: boolean;
  /** Field-name generation of answers (`post`: v2.167, `tweet`: v2.159). Default `post`. */
  readonly fieldNaming?: FieldNaming;
  /** `check_after_secs` while videos and GIFs process; each of `pending` and `in_progress` lasts this long. Default 1. */
  readonly checkAfterSecs?: number;
  /** How metrics grow with time. Default: 30 % of followers reached, half of it in 60 minutes. */
  readonly metricsGrowth?: Partial<MetricsGrowth>;
  /** Override or remove (`null`) per-endpoint rate limits; default: X's published limits. */
  readonly rateLimits?: Partial<Record<XEndpoint, EndpointLimit | null>>;
  /** Enforce the self-serve reply rule (replies only to posts that mention or quote you; own threads allowed). Default false. */
  readonly restrictReplies?: boolean;
}

/** Tokens for a user, issued without the consent page (for tests and the sandbox). */
export interface IssueTokenOptions {
  /** Default: the first user. */
  readonly userId?: string;
  /** Default: the first client. */
  readonly clientId?: string;
  /** Default: `tweet.read tweet.write users.read offline.access media.write`. */
  readonly scopes?: readonly string[];
}

/**
 * A local X API v2 server: OAuth 2.0 (consent page, token, refresh, revoke), users, posts, timelines,
 * media upload v2 with processing states, X's rate limits and error envelopes, and scripted faults.
 * Adapter tests, the sandbox and host apps' own tests point `x({ baseUrl })` at it.
 */
export interface XEmulator {
  /** Starts listening on 127.0.0.1 (a free port by default). */
  listen(options?: ListenOptions): Promise<RunningEmulator>;
  /** Base URL while listening, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The consent page URL, for `x({ authorizeUrl })`. */
  readonly authorizeUrl: string;
  /** Stops listening. */
  close(): Promise<void>;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Scripted faults: `{ kind: 'serverError' | 'drop' | 'slow' | 'rateLimit' | 'malformed', match, afterHandler }`.
   * `afterHandler: true` lets X act first (the post exists) and then loses the answer.
   */
  readonly faults: FaultQueue;
  /** The underlying emulator kit instance (extra routes, kit-level rate-limit rules). */
  readonly kit: Emulator;
  /** Registered OAuth clients. */
  readonly clients: readonly EmulatedClient[];
  /** Known users. */
  users(): EmulatedUser[];
  /** Adds a user that can authorise. */
  addUser(init: XEmulatorUserInit): EmulatedUser;
  /** Issues tokens directly, as if the user had approved the consent page. */
  issueTokens(options?: IssueTokenOptions): IssuedTokens;
  /** Makes an access token stop working now (the next call with it gets a 401). */
  expireAccessToken(accessToken: string): void;
  /** The user removes the app on x.com: every token of theirs stops working (default: the first user). */
  revokeAppAccess(userId?: string): void;
  /** Every post ever created, including deleted ones, oldest first. */
  posts(): EmulatedPost[];
  /** One post by id (deleted ones included). */
  post(id: string): EmulatedPost | undefined;
  /** One media upload by id. */
  media(id: string): EmulatedMedia | undefined;
  /** Adds engagement to a post on top of its time-based growth. */
  addEngagement(postId: string, boost: Partial<EngagementBoost>): void;
  /** Makes the next finalised videos or GIFs end processing this way, in order. */
  scriptMediaProcessing(...outcomes: ProcessingOutcome[]): void;
  /** Clears the request log, faults and rate-limit windows (users, posts, media and tokens stay). */
  reset(): void;
}

/** The confidential client the emulator registers when none is given. */
export const DEFAULT_X_CLIENT: EmulatedClient = {
  clientId: 'growthhub-x-client',
  clientSecret: 'growthhub-x-secret',
  redirectUris: [],
};

const DEFAULT_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];

/**
 * Creates an X emulator (not yet listening).
 *
 * @example
 * ```ts
 * const emulator = createXEmulator();
 * await emulator.listen();
 * const adapter = x({ clientId: 'growthhub-x-client', clientSecret: 'growthhub-x-secret',
 *   redirectUri: 'http://localhost:3000/callback/x', baseUrl: emulator.url });
 * ```
 */
export function createXEmulator(options: XEmulatorOptions = {}): XEmulator {
  const now = options.now ?? Date.now;
  const kit = createEmulator({ platform: 'x', envelope: 'x', now });
  const state = new EmulatorState(now);
  for (const user of options.users ?? [
    { id: '2244994945', username: 'growthhub_demo', name: 'Growth Hub Demo' },
  ]) {
    state.addUser(user);
  }
  const grants = new OAuthGrants(
    {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 7200,
      authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 30,
      rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    },
    now,
  );
  const clients = options.clients ?? [DEFAULT_X_CLIENT];
  for (const client of clients) grants.clients.set(client.clientId, client);
  const limits: Partial<Record<XEndpoint, EndpointLimit>> = { ...X_ENDPOINT_LIMITS };
  for (const [endpoint, limit] of Object.entries(options.rateLimits ?? {}) as [
    XEndpoint,
    EndpointLimit | null,
  ][]) {
    if (limit === null) delete limits[endpoint];
    else limits[endpoint] = limit;
  }
  const limiter = new EndpointLimiter(limits, now);
  const context: XRouteContext = {
    state,
    grants,
    limiter,
    naming: options.fieldNaming ?? 'post',
    growth: { reachShare: 0.3, halfLifeMinutes: 60, ...options.metricsGrowth },
    checkAfterSecs: options.checkAfterSecs ?? 1,
    processingOutcomes: [],
    restrictReplies: options.restrictReplies ?? false,
  };
  registerOAuthRoutes(kit, context);
  registerUserRoutes(kit, context);
  registerPostRoutes(kit, context);
  registerMediaRoutes(kit, context);

  return {
    listen: (listenOptions) => kit.listen(listenOptions),
    get url() {
      return kit.url;
    },
    get authorizeUrl() {
      return `${kit.url}/i/oauth2/authorize`;
    },
    close: () => kit.close(),
    get requests() {
      return kit.requests;
    },
    faults: kit.faults,
    kit,
    clients,
    users: () => [...state.users.values()],
    addUser: (init) => state.addUser(init),
    issueTokens(issue = {}) {
      const userId = issue.userId ?? [...state.users.keys()][0];
      const clientId = issue.clientId ?? clients[0]?.clientId;
      if (userId === undefined || !state.users.has(userId))
        throw new Error(`Unknown emulator user ${userId}`);
      if (clientId === undefined || !grants.clients.has(clientId))
        throw new Error(`Unknown emulator client ${clientId}`);
      return grants.toResponse(grants.issueGrant(clientId, userId, issue.scopes ?? DEFAULT_SCOPES));
    },
    expireAccessToken(accessToken) {
      grants.expireAccessToken(accessToken);
    },
    revokeAppAccess(userId) {
      const target = userId ?? [...state.users.keys()][0];
      if (target !== undefined) grants.revokeUser(target);
    },
    posts: () => [...state.posts.values()],
    post: (id) => state.posts.get(id),
    media: (id) => state.media.get(id),
    addEngagement(postId, boost) {
      const post = state.posts.get(postId);
      if (post === undefined) throw new Error(`Unknown emulator post ${postId}`);
      for (const [key, value] of Object.entries({ ...noBoost(), ...boost }) as [
        keyof EngagementBoost,
        number,
      ][]) {
        post.boost[key] += value;
      }
    },
    scriptMediaProcessing(...outcomes) {
      context.processingOutcomes.push(...outcomes);
    },
    reset() {
      kit.reset();
      limiter.reset();
    },
  };
}
