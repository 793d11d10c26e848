import type { AdapterContext, HttpRequest, HttpResponse } from '@growthhub/core';
import type { ResolvedXConfig } from './config';
import { type XBucket, xRateLimitKey } from './limits';

/** One X API call: a path under the API base URL, the bucket it spends from, and the kernel request fields. */
export interface XCall<T> extends Omit<HttpRequest<T>, 'url' | 'auth' | 'rateLimit'> {
  /** Path and query under the API base, e.g. `/2/tweets`. */
  readonly path: string;
  /** The rate-limit bucket; absent for calls X does not limit (media STATUS). */
  readonly bucket?: XBucket;
}

/**
 * Sends X API calls for one connection through the shared HTTP kernel: absolute URL from the
 * configured base, the connection's token source, its rate-limit bucket and the context's abort signal.
 */
export class XApi {
  constructor(
    readonly context: AdapterContext,
    readonly config: ResolvedXConfig,
  ) {}

  /** Sends one call; rejects with the kernel's typed errors. */
  send<T>(call: XCall<T>): Promise<HttpResponse<T>> {
    const { path, bucket, signal, ...rest } = call;
    return this.context.http.request<T>({
      ...rest,
      url: `${this.config.apiBaseUrl}${path}`,
      auth: this.context.credentials,
      ...(bucket === undefined ? {} : { rateLimit: xRateLimitKey(this.context, bucket) }),
      ...withSignal(signal, this.context.signal),
    });
  }
}

/** Both signals combined, so either aborts the call. */
export function withSignal(...signals: (AbortSignal | undefined)[]): { signal?: AbortSignal } {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 0) return {};
  return { signal: present.length === 1 ? present[0] : AbortSignal.any(present) };
}
