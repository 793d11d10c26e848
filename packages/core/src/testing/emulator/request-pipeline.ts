import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthCheck } from './auth-checks';
import { runAuthChecks } from './auth-checks';
import type { ErrorEnvelope, RateLimitWindow } from './envelopes/index';
import { resolveEnvelope } from './envelopes/index';
import type { EmulatorFailure } from './failure';
import { EmulatorProblem } from './failure';
import type { FaultSpec, ScriptedFaults } from './faults';
import type { EmulatorRateLimit, RateLimitCounter } from './rate-limits';
import type { EmulatorReply } from './reply';
import { writeReply } from './reply';
import type { AuthPrincipal, EmulatorRequest } from './request';
import { decodeBody, decodeForm } from './request-body';
import type { RecordedRequest } from './request-log';
import { recordRequest } from './request-log';
import type { Route, RouteTable } from './router';
import { checkAgainstSchema } from './validation';

/** What the pipeline needs from its emulator. */
export interface PipelineState {
  readonly platform: string;
  readonly envelope: ErrorEnvelope;
  readonly now: () => number;
  readonly routes: RouteTable;
  readonly faults: ScriptedFaults;
  readonly rules: readonly EmulatorRateLimit[];
  readonly counter: RateLimitCounter;
}

/**
 * Answers one request: route, scripted fault, body decoding, auth, rate limit, validation, handler.
 * Every failure is answered in the route's (or the emulator's) envelope; nothing escapes as HTML.
 */
export async function handleRequest(
  state: PipelineState,
  incoming: IncomingMessage,
  response: ServerResponse,
  log: (record: RecordedRequest) => void,
): Promise<void> {
  let rawBody: Buffer;
  try {
    rawBody = await readBody(incoming);
  } catch {
    return; // the client went away mid-body; there is no one to answer
  }
  // Origin-form targets only (`//a/b` is a path here, not a host).
  const url = new URL(`http://127.0.0.1${incoming.url ?? '/'}`);
  const method = (incoming.method ?? 'GET').toUpperCase();
  const headers = flattenHeaders(incoming);
  const match = state.routes.match(method, url.pathname);
  const envelope = resolveEnvelope(match?.route.options.envelope ?? state.envelope);
  const requestId = envelope.createRequestId();
  const decoded = decodeBody(rawBody, headers['content-type']);
  const query = decodeForm(url.searchParams);
  const record = recordRequest({
    id: requestId,
    method,
    path: url.pathname,
    route: match?.route.pattern,
    params: match?.params ?? {},
    query,
    headers,
    body: decoded.body,
    rawBody,
    time: new Date(state.now()),
  });
  log(record);

  const exchange = new Exchange(state, envelope, record, response);
  try {
    const fault = state.faults.take(method, url.pathname, match?.route.pattern);
    if (fault !== undefined) record.fault = fault.kind;
    if (fault !== undefined && fault.afterHandler !== true) {
      if (fault.kind !== 'slow') return exchange.misbehave(fault, incoming);
      await sleep(fault.delayMs ?? 1000);
    }
    let reply: EmulatorReply;
    if (match === undefined) {
      reply = {
        failure: {
          kind: 'notFound',
          note: `No ${state.platform} emulator route for ${method} ${url.pathname}`,
        },
      };
    } else {
      const request: EmulatorRequest = {
        id: requestId,
        method,
        path: url.pathname,
        url,
        params: match.params,
        query,
        headers,
        body: decoded.body,
        rawBody,
        contentType: decoded.mediaType,
        auth: undefined,
      };
      reply = await runRoute(exchange, match.route, request, decoded.error);
    }
    if (fault !== undefined && fault.afterHandler === true) {
      if (fault.kind !== 'slow') return exchange.misbehave(fault, incoming);
      await sleep(fault.delayMs ?? 1000);
    }
    exchange.send(reply);
  } catch (error) {
    exchange.send({ failure: { kind: 'serverError', note: `Emulator fault: ${(error as Error).message}` } });
  }
}

async function runRoute(
  exchange: Exchange,
  route: Route,
  request: EmulatorRequest,
  bodyError: string | undefined,
): Promise<EmulatorReply> {
  const checks = route.options.auth === undefined ? [] : ([] as AuthCheck[]).concat(route.options.auth);
  let principal: AuthPrincipal | undefined;
  if (checks.length > 0) {
    const outcome = await runAuthChecks(checks, request);
    if (outcome !== undefined && !outcome.ok) return { failure: outcome.failure };
    principal = outcome?.ok ? outcome.principal : undefined;
  }
  const limited = exchange.countRateLimits(route, principal, request);
  if (limited !== undefined) return { failure: limited };
  if (bodyError !== undefined) {
    return { failure: { kind: 'invalidRequest', message: bodyError, note: bodyError } };
  }
  let query: unknown = request.query;
  let body: unknown = request.body;
  if (route.options.query !== undefined) {
    const checked = await checkAgainstSchema(route.options.query, request.query);
    if (!checked.ok) return { failure: { kind: 'invalidRequest', issues: checked.issues, note: 'query' } };
    query = checked.value;
  }
  if (route.options.body !== undefined) {
    const checked = await checkAgainstSchema(route.options.body, request.body);
    if (!checked.ok) return { failure: { kind: 'invalidRequest', issues: checked.issues, note: 'body' } };
    body = checked.value;
  }
  try {
    return await route.handler({ ...request, query, body, auth: principal });
  } catch (error) {
    if (error instanceof EmulatorProblem) return { failure: error.failure };
    return {
      failure: {
        kind: 'serverError',
        note: `Route handler threw: ${(error as Error)?.message ?? String(error)}`,
      },
    };
  }
}

/** One request/response pair and the envelope it is answered in. */
class Exchange {
  private usageHeaders: Record<string, string> = {};

  constructor(
    private readonly state: PipelineState,
    private readonly envelope: ErrorEnvelope,
    private readonly record: RecordedRequest,
    private readonly response: ServerResponse,
  ) {}

  /** Counts the request against every applicable rule; the failure to answer when one is exceeded. */
  countRateLimits(
    route: Route,
    principal: AuthPrincipal | undefined,
    request: EmulatorRequest,
  ): EmulatorFailure | undefined {
    const applicable: Array<{ rule: EmulatorRateLimit; key: string }> = [];
    const credential =
      principal?.token ?? principal?.clientId ?? request.headers.authorization ?? 'anonymous';
    const routeKey = `${route.method} ${route.pattern}`;
    if (route.options.rateLimit !== undefined) {
      applicable.push({ rule: route.options.rateLimit, key: `route|${credential}|${routeKey}` });
    }
    this.state.rules.forEach((rule, index) => {
      const { method, path } = rule.match ?? {};
      if (method !== undefined && method.toUpperCase() !== route.method) return;
      if (
        path instanceof RegExp
          ? !path.test(request.path)
          : path !== undefined && path !== request.path && path !== route.pattern
      ) {
        return;
      }
      applicable.push({ rule, key: `rule${index}|${credential}|${routeKey}` });
    });
    let tightest: RateLimitWindow | undefined;
    for (const { rule, key } of applicable) {
      const usage = this.state.counter.count(rule, key, this.state.now());
      if (usage.limited) return this.rateLimited(usage);
      if (tightest === undefined || usage.remaining < tightest.remaining) tightest = usage;
    }
    if (tightest !== undefined) this.usageHeaders = this.envelope.rateLimitHeaders(tightest, this.context());
    return undefined;
  }

  /** Answers a reply or a failure in the envelope. */
  send(reply: EmulatorReply): void {
    const common: Record<string, string> = { ...this.usageHeaders };
    if (this.envelope.requestIdHeader !== undefined) common[this.envelope.requestIdHeader] = this.record.id;
    if (reply.failure === undefined) {
      this.record.status = reply.status ?? 200;
      writeReply(this.response, reply, common);
      return;
    }
    const failure = reply.failure;
    const answer = this.envelope.render(failure, this.context());
    this.record.status = answer.status;
    this.record.failure =
      failure.note === undefined ? { kind: failure.kind } : { kind: failure.kind, note: failure.note };
    writeReply(
      this.response,
      { status: answer.status, headers: { ...answer.headers, ...reply.headers }, json: answer.body },
      common,
    );
  }

  /** Applies a scripted fault other than `slow`. */
  misbehave(fault: FaultSpec, incoming: IncomingMessage): void {
    if (fault.kind === 'drop') {
      incoming.socket.destroy();
      return;
    }
    if (fault.kind === 'malformed') {
      this.record.status = fault.status ?? 200;
      writeReply(
        this.response,
        {
          status: fault.status ?? 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          raw: Buffer.from('{"data":{"id":"1","text":"trunc', 'utf8'),
        },
        {},
      );
      return;
    }
    if (fault.kind === 'serverError') {
      const status = fault.status ?? 500;
      this.send({
        failure: { kind: status === 503 ? 'unavailable' : 'serverError', status, note: 'scripted fault' },
      });
      return;
    }
    const retryAfterSeconds = fault.retryAfterSeconds ?? 1;
    const usage: RateLimitWindow = {
      limit: fault.limit ?? 100,
      remaining: 0,
      resetAt: new Date(this.state.now() + retryAfterSeconds * 1000),
      limited: true,
    };
    const failure = this.rateLimited(usage);
    this.send({ failure: fault.status === undefined ? failure : { ...failure, status: fault.status } });
  }

  private rateLimited(usage: RateLimitWindow): EmulatorFailure {
    const retryAfterSeconds = Math.max(1, Math.ceil((usage.resetAt.getTime() - this.state.now()) / 1000));
    this.usageHeaders = this.envelope.rateLimitHeaders(usage, this.context());
    return { kind: 'rateLimited', retryAfterSeconds, note: `limit ${usage.limit} reached` };
  }

  private context() {
    return { requestId: this.record.id, now: new Date(this.state.now()) };
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function flattenHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
