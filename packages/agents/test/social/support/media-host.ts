import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server standing in for a shop's CDN: serves a small PNG at any `/media/*.png` path. */
export interface MediaHost {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts a {@link MediaHost} on 127.0.0.1. */
export async function startMediaHost(): Promise<MediaHost> {
  const png = pngBytes();
  const server: Server = createServer((request, response) => {
    if (!/^\/media\/[\w-]+\.png$/u.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.byteLength) });
    response.end(Buffer.from(png));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 2 KiB starting with a PNG signature. */
function pngBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i += 1) bytes[i] = i % 251;
  return bytes;
}
