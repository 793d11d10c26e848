import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { ValidationError } from '@growthhub/core';

/** Media bytes to upload: from a URL (fetched with SSRF protection), a stream, or bytes in memory. */
export type MediaInput =
  | { readonly url: string; readonly mimeType?: string }
  | {
      readonly stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
      readonly mimeType: string;
      readonly size?: number;
    }
  | { readonly bytes: Uint8Array; readonly mimeType: string };

/** Opened media: its type, its size when known, and its bytes as they arrive. */
export interface OpenedMedia {
  readonly mimeType: string;
  readonly size: number | undefined;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/** How {@link openMedia} may fetch. */
export interface OpenMediaOptions {
  /** Allow private, loopback and link-local addresses (sandbox only). */
  readonly allowPrivateHosts: boolean;
  /** Refuse media larger than this. */
  readonly maxBytes: number;
  /** The field named in errors, e.g. `media.0.url`. */
  readonly field: string;
  readonly signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;

/**
 * Opens media for upload. A URL must be `http:` or `https:` and, unless `allowPrivateHosts` is set,
 * every address it resolves to (checked at connect time, so DNS rebinding cannot slip through) and
 * every redirect target must be public: loopback, private (RFC 1918, ULA), link-local (cloud metadata
 * at 169.254.169.254), CGNAT, multicast and unspecified addresses are refused.
 */
export async function openMedia(input: MediaInput, options: OpenMediaOptions): Promise<OpenedMedia> {
  if ('bytes' in input) {
    checkSize(input.bytes.byteLength, options);
    return { mimeType: input.mimeType, size: input.bytes.byteLength, chunks: once(input.bytes) };
  }
  if ('stream' in input) {
    if (input.size !== undefined) checkSize(input.size, options);
    return { mimeType: input.mimeType, size: input.size, chunks: capped(iterate(input.stream), options) };
  }
  const response = await fetchFollowingRedirects(input.url, options);
  const length = Number(response.headers['content-length']);
  const size =
    Number.isFinite(length) && response.headers['content-length'] !== undefined ? length : undefined;
  if (size !== undefined) checkSize(size, options);
  const mimeType =
    input.mimeType ?? response.headers['content-type']?.split(';')[0]?.trim() ?? 'application/octet-stream';
  return { mimeType, size, chunks: capped(response, options) };
}

/**
 * True when `address` is loopback, private, link-local, CGNAT, multicast, reserved or unspecified,
 * or an IPv6 address that reaches IPv4 through a translator or tunnel. All of NAT64 (`64:ff9b::/96`,
 * local-use `64:ff9b:1::/48`) and 6to4 (`2002::/16`) is refused, public IPv4 inside included: the
 * embedded IPv4 of local-use NAT64 sits at an operator-chosen prefix length, and a public host serves
 * media on its own address. IPv4-mapped addresses are judged by their IPv4 address (`BlockList` does
 * that for the hex form `::ffff:a00:1` too, which is what URL parsing makes of `::ffff:10.0.0.1`).
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

async function fetchFollowingRedirects(url: string, options: OpenMediaOptions): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const target = checkedUrl(current, options);
    const response = await get(target, options);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      response.resume();
      current = new URL(location, target).toString();
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw refused(options, `answered HTTP ${status}`, 'make the file reachable at a public http(s) URL');
    }
    return response;
  }
  throw refused(options, `redirects more than ${MAX_REDIRECTS} times`, 'link the file directly');
}

function checkedUrl(raw: string, options: OpenMediaOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused(options, 'is not a valid URL', 'use an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused(options, `uses the ${url.protocol} scheme`, 'use an http(s) URL');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateHosts && isIP(host) !== 0 && isPrivateAddress(host)) {
    throw refused(options, `points at the private address ${host}`, PRIVATE_FIX);
  }
  return url;
}

const PRIVATE_FIX = 'use a public URL (allowPrivateMediaHosts: true is for a local sandbox only)';

function get(url: URL, options: OpenMediaOptions): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, {
      method: 'GET',
      headers: { accept: '*/*', 'user-agent': 'growthhub-platform-x' },
      lookup: options.allowPrivateHosts ? undefined : publicOnlyLookup(options),
      signal: options.signal,
      timeout: 30_000,
    });
    outgoing.on('response', resolve);
    outgoing.on('timeout', () =>
      outgoing.destroy(refused(options, 'did not answer within 30 s', 'check the media host')),
    );
    outgoing.on('error', (error) =>
      reject(
        ValidationError.isInstance(error)
          ? error
          : refused(options, `could not be fetched (${error.message})`, 'check the media host', error),
      ),
    );
    outgoing.end();
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A DNS lookup for `http.request` that fails when any resolved address is not public. */
function publicOnlyLookup(options: OpenMediaOptions) {
  return (hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
      if (blocked !== undefined) {
        return callback(
          refused(options, `resolves to the private address ${blocked.address}`, PRIVATE_FIX) as never,
          [],
        );
      }
      const first = addresses[0];
      if (lookupOptions.all) return callback(null, addresses);
      if (first === undefined)
        return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      return callback(null, first.address, first.family);
    });
  };
}

function refused(options: OpenMediaOptions, reason: string, fix: string, cause?: unknown): ValidationError {
  return new ValidationError({ field: options.field, reason: `the media URL ${reason}`, fix, cause });
}

function checkSize(size: number, options: OpenMediaOptions): void {
  if (size > options.maxBytes) {
    throw new ValidationError({
      field: options.field,
      reason: `the media is ${size} bytes; X accepts at most ${options.maxBytes} for this kind`,
      fix: 'compress or shorten the file',
    });
  }
}

async function* capped(
  chunks: AsyncIterable<Uint8Array>,
  options: OpenMediaOptions,
): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    checkSize(total, options);
    yield chunk;
  }
}

async function* iterate(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in stream) {
    yield* stream as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
