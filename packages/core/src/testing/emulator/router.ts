import type { z } from 'zod';
import type { AuthCheck } from './auth-checks';
import type { ErrorEnvelope, ErrorEnvelopeName } from './envelopes/index';
import type { EmulatorRateLimit } from './rate-limits';
import type { EmulatorReply } from './reply';
import type { EmulatorRequest, QueryRecord } from './request';

/** The output type of an optional zod schema, or `Fallback` when there is none. */
export type SchemaOutput<TSchema, Fallback> = TSchema extends z.ZodType ? z.output<TSchema> : Fallback;

/** Handles one matched, authenticated and validated request. */
export type RouteHandler<TBody = unknown, TQuery = QueryRecord> = (
  request: EmulatorRequest<TBody, TQuery>,
) => EmulatorReply | Promise<EmulatorReply>;

/** Per-route settings for `emulator.route`. */
export interface RouteOptions<
  TBody extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
> {
  /** Auth check(s); any one passing lets the request in. None: the route is public. */
  readonly auth?: AuthCheck | readonly AuthCheck[];
  /** Schema for the decoded body; failures are answered as `invalidRequest` with field issues. */
  readonly body?: TBody;
  /** Schema for the query record; failures are answered as `invalidRequest` with field issues. */
  readonly query?: TQuery;
  /** Error envelope for this route instead of the emulator's (an OAuth token endpoint on an API host). */
  readonly envelope?: ErrorEnvelope | ErrorEnvelopeName;
  /** Request budget for this route, counted per token. */
  readonly rateLimit?: Omit<EmulatorRateLimit, 'match'>;
}

/** A registered route. */
export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: RouteHandler<unknown, unknown>;
  readonly options: RouteOptions<z.ZodType | undefined, z.ZodType | undefined>;
  readonly matcher: RegExp;
  readonly paramNames: readonly string[];
  readonly order: number;
}

/** What matching a path found. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/**
 * Routes by method and path pattern. A pattern is a path whose `:name` parts match one segment
 * (also inside a segment: `/act_:accountId/campaigns`) and whose final `*` matches the rest.
 * Static routes win over parameterised ones; otherwise the first registered wins.
 */
export class RouteTable {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Route['handler'], options: Route['options']): void {
    if (!pattern.startsWith('/')) throw new Error(`Route pattern must start with "/": ${pattern}`);
    const { matcher, paramNames } = compilePattern(pattern);
    this.routes.push({
      method: method.toUpperCase(),
      pattern,
      handler,
      options,
      matcher,
      paramNames,
      order: this.routes.length,
    });
    this.routes.sort((a, b) => a.paramNames.length - b.paramNames.length || a.order - b.order);
  }

  /** The route for a method and path, or `undefined` (also when only another method has the path). */
  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const found = route.matcher.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }
}

function compilePattern(pattern: string): { matcher: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  let source = '';
  const tokens = pattern.split(/(:[A-Za-z_][A-Za-z0-9_]*|\*$)/);
  for (const token of tokens) {
    if (token === '*') {
      paramNames.push('*');
      source += '(.*)';
    } else if (token.startsWith(':')) {
      paramNames.push(token.slice(1));
      source += '([^/]+)';
    } else {
      source += token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { matcher: new RegExp(`^${source}$`), paramNames };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
