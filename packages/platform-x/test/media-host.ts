import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server that serves media files, like a shop's CDN, and counts what it served. */
export interface MediaHost {
  readonly url: string;
  /** Adds a file at `path` and returns its absolute URL. */
  add(path: string, bytes: Uint8Array, contentType: string, options?: { chunked?: boolean }): string;
  close(): Promise<void>;
}

/** Starts a {@link MediaHost} on 127.0.0.1. */
export async function startMediaHost(): Promise<MediaHost> {
  const files = new Map<string, { bytes: Uint8Array; contentType: string; chunked: boolean }>();
  const server: Server = createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.contentType };
    if (!file.chunked) headers['content-length'] = String(file.bytes.byteLength);
    response.writeHead(200, headers);
    response.end(Buffer.from(file.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    add(path, bytes, contentType, options = {}) {
      files.set(path, { bytes, contentType, chunked: options.chunked ?? false });
      return `${url}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `size` bytes starting with a PNG signature. */
export function pngBytes(size = 2048): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i += 1) bytes[i] = i % 251;
  return bytes;
}

/** `size` bytes that stand in for an MP4 (an `ftyp` box, then a pattern). */
export function mp4Bytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]);
  for (let i = 8; i < size; i += 1) bytes[i] = (i * 7) % 256;
  return bytes;
}
