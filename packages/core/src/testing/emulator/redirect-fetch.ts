/** Settings for {@link redirectFetch}. */
export interface RedirectFetchOptions {
  /** Base URL to send matching requests to (an emulator's `url`); its path, if any, prefixes theirs. */
  readonly to: string;
  /** Host names whose requests go to `to` (`api.x.com`, `graph.facebook.com`); others pass through. */
  readonly hosts: readonly string[];
  /** The fetch to call. Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * A `fetch` that sends requests for the platform's production hosts to an emulator instead, keeping
 * path, query, method, headers and body. Lets an adapter keep its real URLs in tests: give it to the
 * HTTP client of the adapter's context.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'x', fetch: redirectFetch({ to: emulator.url, hosts: ['api.x.com'] }) });
 * ```
 */
export function redirectFetch(options: RedirectFetchOptions): typeof fetch {
  const target = new URL(options.to);
  const prefix = target.pathname.replace(/\/+$/, '');
  const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));
  const inner = options.fetch ?? globalThis.fetch;
  const redirected: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const original = new URL(request?.url ?? String(input));
    if (!hosts.has(original.hostname.toLowerCase())) return inner(input, init);
    const url = new URL(`${prefix}${original.pathname}${original.search}`, target.origin);
    return inner(request === undefined ? url : new Request(url, request), init);
  };
  return redirected;
}
