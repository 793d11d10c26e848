import type { ResponseType } from './http-types';
import type { OutgoingInit } from './request-init';
import { readResponseBody } from './response-body';

/** One attempt, as the transport sends it. */
export interface FetchAttempt {
  /** The `fetch` to call; `undefined` calls the global one (looked up at every attempt). */
  fetch: typeof fetch | undefined;
  /** Full URL, query included. */
  url: string;
  /** Method, headers and body (see `buildRequestInit`); the transport sets its `signal`. */
  init: OutgoingInit;
  /** Most time, in milliseconds, until the response headers arrive. */
  timeoutMs: number;
  /** The caller's signal: aborting it cancels the attempt, body reading included. */
  signal: AbortSignal | undefined;
  /** How to read the body. */
  responseType: ResponseType;
}

/** The answer to one attempt: the response and its body, read as asked. */
export interface FetchedAnswer {
  response: Response;
  body: unknown;
}

/** Thrown by {@link fetchOnce} when no response headers arrived within the attempt's timeout. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(timeoutMs: number) {
    super(`No response arrived within ${timeoutMs} ms.`);
  }
}

/**
 * Sends one attempt with `fetch` and reads the body: the kernel's whole transport. Any answer, whatever
 * its status, resolves; deciding what it means is the caller's job. One `AbortController` per attempt
 * cancels it: on timeout (until the response headers arrive; the timer is then cleared), or when the
 * caller's signal aborts (a listener forwards the reason until the body is read, then is removed; no
 * `AbortSignal.any`).
 *
 * Rejects with what `fetch` threw (undici: `TypeError('fetch failed')` with the socket error, such as
 * `ECONNREFUSED` or `UND_ERR_SOCKET`, as its `cause`), with an {@link AttemptTimeoutError}, or after the
 * caller's abort with the signal's reason.
 */
export async function fetchOnce(attempt: FetchAttempt): Promise<FetchedAnswer> {
  if (!(attempt.timeoutMs <= MAX_TIMER_MS)) {
    throw new RangeError(`The timeout cannot be greater than ${MAX_TIMER_MS} ms, got ${attempt.timeoutMs}.`);
  }
  const controller = new AbortController();
  const caller = attempt.signal;
  let forwardAbort: (() => void) | undefined;
  if (caller !== undefined) {
    if (caller.aborted) controller.abort(caller.reason);
    else {
      forwardAbort = () => controller.abort(caller.reason);
      caller.addEventListener('abort', forwardAbort, { once: true });
    }
  }
  attempt.init.signal = controller.signal;
  try {
    // Called unbound (a browser's fetch rejects another `this`); the global is read at every attempt.
    const send = attempt.fetch ?? fetch;
    const sent = send(attempt.url, attempt.init);
    const response = await withTimeout(sent, attempt.timeoutMs, controller);
    const body = await readResponseBody(response, attempt.responseType);
    return { response, body };
  } finally {
    if (forwardAbort !== undefined) caller?.removeEventListener('abort', forwardAbort);
  }
}

/** The largest delay `setTimeout` accepts (a longer one would fire at once). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Settles with `pending`, or rejects with an {@link AttemptTimeoutError} after `timeoutMs` and aborts the
 * request (rejecting at once, so a `fetch` that ignores its signal cannot hang the call).
 */
function withTimeout(
  pending: Promise<Response>,
  timeoutMs: number,
  controller: AbortController,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const timeout = new AttemptTimeoutError(timeoutMs);
      reject(timeout);
      controller.abort(timeout);
    }, timeoutMs);
    pending.then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
