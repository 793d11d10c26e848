/**
 * A scripted misbehaviour:
 * - `rateLimit`: the platform's 429 (or equivalent) with its rate-limit headers;
 * - `serverError`: a 5xx in the envelope (`status`, default 500);
 * - `slow`: waits `delayMs` (default 1000) and then answers normally;
 * - `drop`: destroys the socket without an answer;
 * - `malformed`: a 200 (or `status`) whose JSON body is cut off.
 */
export type FaultKind = 'rateLimit' | 'serverError' | 'slow' | 'drop' | 'malformed';

/** Which requests a fault applies to; absent members match anything. */
export interface FaultMatch {
  /** Method, any case. */
  readonly method?: string;
  /** The concrete path (`/2/tweets/123`), the route pattern (`/2/tweets/:id`), or a RegExp on the path. */
  readonly path?: string | RegExp;
}

/** One scripted fault; see {@link FaultKind}. */
export interface FaultSpec {
  readonly kind: FaultKind;
  readonly match?: FaultMatch;
  /** How many matching requests it applies to. Default 1. */
  readonly times?: number;
  /** `slow`: how long to wait. Default 1000 ms. */
  readonly delayMs?: number;
  /** `serverError` (default 500), `rateLimit` (default: the envelope's), `malformed` (default 200). */
  readonly status?: number;
  /** `rateLimit`: seconds until the window resets (headers and Google `retryDelay`). Default 1. */
  readonly retryAfterSeconds?: number;
  /** `rateLimit`: the window size reported in headers. Default 100. */
  readonly limit?: number;
  /**
   * Run the route handler first, then misbehave: the platform acted but the client never heard
   * (for reconciliation tests). Default false: the platform did not act.
   */
  readonly afterHandler?: boolean;
}

/** Scripted faults, consumed first-in first-out among those that match a request. */
export interface FaultQueue {
  /** Adds a fault to the end of the queue. */
  enqueue(fault: FaultSpec): void;
  /** Faults not yet used up. */
  pending(): number;
  /** Forgets every queued fault. */
  clear(): void;
}

/** The queue behind `emulator.faults`; `take` consumes one use of the first matching fault. */
export class ScriptedFaults implements FaultQueue {
  private readonly queue: Array<{ spec: FaultSpec; remaining: number }> = [];

  enqueue(fault: FaultSpec): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`fault.times must be a positive integer, got ${String(fault.times)}`);
    }
    this.queue.push({ spec: fault, remaining: times });
  }

  pending(): number {
    return this.queue.reduce((total, entry) => total + entry.remaining, 0);
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for this request, if one is queued for it (its use is consumed). */
  take(method: string, path: string, routePattern: string | undefined): FaultSpec | undefined {
    const index = this.queue.findIndex((entry) => matches(entry.spec.match, method, path, routePattern));
    const entry = this.queue[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue.splice(index, 1);
    return entry.spec;
  }
}

function matches(
  match: FaultMatch | undefined,
  method: string,
  path: string,
  routePattern: string | undefined,
) {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  if (match.path instanceof RegExp) return match.path.test(path);
  return match.path === path || match.path === routePattern;
}
