import { PlatformApiError } from '../errors/platform-api-error';

/** A failure before any HTTP answer arrived, with whether the request provably never left. */
export interface TransportFailure {
  /** The typed error (`network_error`, `timeout` or `request_failed`, status 0). */
  error: PlatformApiError;
  /** True when the request never reached the network (connection refused, DNS failure, connect timeout). */
  neverSent: boolean;
}

/**
 * Classifies what `fetch` threw (undici: `TypeError('fetch failed')`, or `'terminated'` while the body
 * was read, with the socket error as `cause`). Only errors whose cause chain carries a code proving that
 * no byte of the request was sent (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `ENETUNREACH`,
 * `EHOSTUNREACH`, `UND_ERR_CONNECT_TIMEOUT`) count as never sent; a reset (`ECONNRESET`) or a closed
 * socket (`UND_ERR_SOCKET`) may have happened after the platform received the request, so it does not.
 * A request `fetch` refused to build (an invalid URL or header value, code `ERR_INVALID_*` or none) is
 * `request_failed`: never sent, and not worth retrying.
 */
export function classifyTransportFailure(
  thrown: unknown,
  platform: string,
  what: string,
  timedOut: boolean,
): TransportFailure {
  if (timedOut) {
    return {
      neverSent: false,
      error: new PlatformApiError({
        platform,
        status: 0,
        code: 'timeout',
        retryable: true,
        message: `${platform} API call ${what} timed out before an answer arrived.`,
        cause: thrown,
      }),
    };
  }
  const code = findErrorCode(thrown);
  if (!isNetworkFailure(thrown, code)) {
    return {
      neverSent: true,
      error: new PlatformApiError({
        platform,
        status: 0,
        code: 'request_failed',
        retryable: false,
        message: `${platform} API call ${what} could not be sent: ${messageOf(thrown)}`,
        cause: thrown,
      }),
    };
  }
  const neverSent = code !== undefined && NEVER_SENT_CODES.has(code);
  return {
    neverSent,
    error: new PlatformApiError({
      platform,
      status: 0,
      code: 'network_error',
      retryable: true,
      platformDidNotAct: neverSent,
      message: `${platform} API call ${what} failed without an answer (${code ?? messageOf(thrown)}).`,
      cause: thrown,
    }),
  };
}

const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const NETWORK_MESSAGES = /fetch failed|network|socket|terminated|other side closed|ECONN|EPIPE/i;

function isNetworkFailure(thrown: unknown, code: string | undefined): boolean {
  if (code !== undefined) return !code.startsWith('ERR_INVALID_');
  return thrown instanceof Error && NETWORK_MESSAGES.test(thrown.message);
}

function findErrorCode(thrown: unknown): string | undefined {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
