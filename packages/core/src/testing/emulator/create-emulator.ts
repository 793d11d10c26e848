import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { ErrorEnvelope, ErrorEnvelopeName } from './envelopes/index';
import { resolveEnvelope } from './envelopes/index';
import type { FaultQueue } from './faults';
import { ScriptedFaults } from './faults';
import type { EmulatorRateLimit, EmulatorRateLimits } from './rate-limits';
import { assertRule, RateLimitCounter } from './rate-limits';
import type { QueryRecord } from './request';
import type { RecordedRequest } from './request-log';
import { handleRequest } from './request-pipeline';
import type { RouteHandler, RouteOptions, SchemaOutput } from './router';
import { RouteTable } from './router';

/** Settings for {@link createEmulator}. */
export interface EmulatorOptions {
  /** Platform name, for messages (`x`, `meta`, `acme`). */
  readonly platform: string;
  /** How this platform answers errors: a built-in envelope name or an {@link ErrorEnvelope}. */
  readonly envelope: ErrorEnvelope | ErrorEnvelopeName;
  /** Clock in epoch milliseconds (log times, rate-limit windows, reset headers). Default `Date.now`. */
  readonly now?: () => number;
  /** Oldest requests are dropped from `requests` beyond this many. Default 1000. */
  readonly maxLoggedRequests?: number;
}

/** Where to listen; see {@link Emulator.listen}. */
export interface ListenOptions {
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
}

/** A listening emulator. */
export interface RunningEmulator {
  /** Base URL without trailing slash (`http://127.0.0.1:54321`). */
  readonly url: string;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
}

/**
 * A local HTTP stand-in for a platform API: real `node:http` on 127.0.0.1, routes with path
 * parameters, body and query validation, auth checks, rate limits, scripted faults, and a log of
 * every request. Every error, including an unknown route, is answered in the platform's JSON
 * envelope, never as HTML.
 */
export interface Emulator {
  readonly platform: string;
  /** The emulator-wide error envelope (a route may use another). */
  readonly envelope: ErrorEnvelope;
  /**
   * Adds a route. `pattern` is a path with `:name` parameters and an optional final `*`.
   * The handler sees the body and query as parsed by the route's schemas.
   */
  route<TBody extends z.ZodType | undefined = undefined, TQuery extends z.ZodType | undefined = undefined>(
    method: string,
    pattern: string,
    handler: RouteHandler<SchemaOutput<TBody, unknown>, SchemaOutput<TQuery, QueryRecord>>,
    options?: RouteOptions<TBody, TQuery>,
  ): Emulator;
  /** Every request received, oldest first (redacted when printed; real values for assertions). */
  readonly requests: readonly RecordedRequest[];
  /** Scripted faults. */
  readonly faults: FaultQueue;
  /** Emulator-wide rate-limit rules (routes may also carry their own). */
  readonly rateLimits: EmulatorRateLimits;
  /** Starts listening. */
  listen(options?: ListenOptions): Promise<RunningEmulator>;
  /** Base URL while listening; throws before `listen`. */
  readonly url: string;
  /** Clears the request log, queued faults and rate-limit counts (routes and rules stay). */
  reset(): void;
  /** Stops listening if it is. */
  close(): Promise<void>;
}

/**
 * Builds a platform emulator. Add routes, then `listen()`.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ platform: 'x', envelope: 'x' });
 * const tokens = new Set(['token-1']);
 * emulator.route('POST', '/2/tweets', (req) => ({ status: 201, json: { data: { id: '1', text: req.body.text } } }), {
 *   auth: bearerAuth({ accept: tokens }),
 *   body: z.object({ text: z.string().max(280) }),
 * });
 * const { url, close } = await emulator.listen();
 * ```
 */
export function createEmulator(options: EmulatorOptions): Emulator {
  const envelope = resolveEnvelope(options.envelope);
  const now = options.now ?? Date.now;
  const maxLogged = options.maxLoggedRequests ?? 1000;
  const routes = new RouteTable();
  const requests: RecordedRequest[] = [];
  const faults = new ScriptedFaults();
  const rules: EmulatorRateLimit[] = [];
  const counter = new RateLimitCounter();
  let server: Server | undefined;
  let baseUrl: string | undefined;

  const state = { envelope, now, routes, faults, rules, counter, platform: options.platform };

  const rateLimits: EmulatorRateLimits = {
    add(rule) {
      assertRule(rule);
      rules.push(rule);
    },
    clear() {
      rules.length = 0;
      counter.reset();
    },
    resetCounts() {
      counter.reset();
    },
  };

  const close = async (): Promise<void> => {
    const running = server;
    server = undefined;
    baseUrl = undefined;
    if (running === undefined) return;
    await new Promise<void>((resolve, reject) => {
      running.close((error) => (error === undefined ? resolve() : reject(error)));
      running.closeAllConnections();
    });
  };

  const emulator: Emulator = {
    platform: options.platform,
    envelope,
    route(method, pattern, handler, routeOptions) {
      if (routeOptions?.rateLimit !== undefined) assertRule(routeOptions.rateLimit);
      routes.add(method, pattern, handler as RouteHandler<unknown, unknown>, routeOptions ?? {});
      return emulator;
    },
    requests,
    faults,
    rateLimits,
    async listen(listenOptions = {}) {
      if (server !== undefined)
        throw new Error(`The ${options.platform} emulator is already listening at ${baseUrl}`);
      const created = createServer((request, response) => {
        handleRequest(state, request, response, (record) => {
          requests.push(record);
          if (requests.length > maxLogged) requests.splice(0, requests.length - maxLogged);
        }).catch(() => response.destroy()); // only a broken socket gets here; there is no one to answer
      });
      const host = listenOptions.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(listenOptions.port ?? 0, host, () => {
          created.off('error', reject);
          resolve();
        });
      });
      const { port } = created.address() as AddressInfo;
      server = created;
      baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      return { url: baseUrl, close };
    },
    get url() {
      if (baseUrl === undefined)
        throw new Error(`The ${options.platform} emulator is not listening; call listen() first`);
      return baseUrl;
    },
    reset() {
      requests.length = 0;
      faults.clear();
      counter.reset();
    },
    close,
  };
  return emulator;
}
