/** A request budget: `limit` requests per fixed window of `windowMs`. */
export interface EndpointBudget {
  readonly limit: number;
  readonly windowMs: number;
}

/** The budgets of one endpoint: per user (user-context tokens) and per app (all users of a client). */
export interface EndpointLimit {
  readonly perUser?: EndpointBudget;
  readonly perApp?: EndpointBudget;
}

/** The endpoints the emulator rate-limits, named `METHOD /path-pattern`. */
export type XEndpoint =
  | 'POST /2/tweets'
  | 'DELETE /2/tweets/:id'
  | 'GET /2/tweets'
  | 'GET /2/tweets/:id'
  | 'GET /2/users/me'
  | 'GET /2/users/:id/tweets'
  | 'POST /2/media/upload'
  | 'POST /2/media/upload/initialize'
  | 'POST /2/media/upload/:id/append'
  | 'POST /2/media/upload/:id/finalize';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * X's published limits (docs.x.com "X API rate limits", per 15 minutes unless noted):
 * `POST /2/tweets` 100 per user and 10,000 per app per 24 h; `DELETE /2/tweets/:id` 50 per user;
 * `GET /2/tweets` 5,000 and `GET /2/tweets/:id` 900 per user; `GET /2/users/:id/tweets` 900 per user;
 * media `initialize`/`append`/`finalize` (and the one-shot upload) 1,875 per user.
 * `GET /2/users/me` 75 per user is UNCONFIRMED (the classic v2 figure). STATUS polls are not limited.
 */
export const X_ENDPOINT_LIMITS: Readonly<Record<XEndpoint, EndpointLimit>> = {
  'POST /2/tweets': {
    perUser: { limit: 100, windowMs: FIFTEEN_MINUTES },
    perApp: { limit: 10_000, windowMs: 24 * 60 * 60_000 },
  },
  'DELETE /2/tweets/:id': { perUser: { limit: 50, windowMs: FIFTEEN_MINUTES } },
  'GET /2/tweets': { perUser: { limit: 5000, windowMs: FIFTEEN_MINUTES } },
  'GET /2/tweets/:id': { perUser: { limit: 900, windowMs: FIFTEEN_MINUTES } },
  'GET /2/users/me': { perUser: { limit: 75, windowMs: FIFTEEN_MINUTES } },
  'GET /2/users/:id/tweets': { perUser: { limit: 900, windowMs: FIFTEEN_MINUTES } },
  'POST /2/media/upload': { perUser: { limit: 1875, windowMs: FIFTEEN_MINUTES } },
  'POST /2/media/upload/initialize': { perUser: { limit: 1875, windowMs: FIFTEEN_MINUTES } },
  'POST /2/media/upload/:id/append': { perUser: { limit: 1875, windowMs: FIFTEEN_MINUTES } },
  'POST /2/media/upload/:id/finalize': { perUser: { limit: 1875, windowMs: FIFTEEN_MINUTES } },
};

/** The outcome of counting one request: the headers to send, and whether it is over a budget. */
export interface LimitCheck {
  readonly headers: Record<string, string>;
  readonly limited: boolean;
  /** Seconds until the tightest exceeded window resets (when limited). */
  readonly retryAfterSeconds: number;
}

/**
 * Fixed windows per (endpoint, user) and (endpoint, app), as X counts them: the window starts with
 * the first request and resets at `x-rate-limit-reset` (epoch seconds). Headers describe the
 * per-user window (the one a user token sees), or the app window when it is the one exceeded.
 */
export class EndpointLimiter {
  readonly #windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limits: Readonly<Partial<Record<XEndpoint, EndpointLimit>>>,
    private readonly now: () => number,
  ) {}

  /** Counts one request by `userId` through app `clientId` against `endpoint`. */
  count(endpoint: XEndpoint, userId: string, clientId: string): LimitCheck | undefined {
    const limit = this.limits[endpoint];
    if (limit === undefined) return undefined;
    const user = limit.perUser && this.#count(`${endpoint}|user|${userId}`, limit.perUser);
    const app = limit.perApp && this.#count(`${endpoint}|app|${clientId}`, limit.perApp);
    const shown = app?.limited && !user?.limited ? app : (user ?? app);
    if (shown === undefined) return undefined;
    const limited = (user?.limited ?? false) || (app?.limited ?? false);
    return {
      limited,
      retryAfterSeconds: Math.max(1, Math.ceil((shown.resetAt - this.now()) / 1000)),
      headers: {
        'x-rate-limit-limit': String(shown.budget.limit),
        'x-rate-limit-remaining': String(shown.remaining),
        'x-rate-limit-reset': String(Math.ceil(shown.resetAt / 1000)),
      },
    };
  }

  /** Forgets every window. */
  reset(): void {
    this.#windows.clear();
  }

  #count(key: string, budget: EndpointBudget) {
    const now = this.now();
    let window = this.#windows.get(key);
    if (window === undefined || now >= window.startedAt + budget.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return {
      budget,
      limited: window.count > budget.limit,
      remaining: Math.max(0, budget.limit - window.count),
      resetAt: window.startedAt + budget.windowMs,
    };
  }
}
