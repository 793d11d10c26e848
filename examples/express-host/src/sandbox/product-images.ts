import { deflateSync } from 'node:zlib';

/** The silhouettes the sandbox can draw. */
export type ProductShape = 'mug' | 'bowl' | 'vase' | 'plate' | 'bag' | 'cup';

/** What a sandbox product photo shows. */
export interface ProductImageSpec {
  readonly shape: ProductShape;
  /** Backdrop colour, `#rrggbb`. */
  readonly background: string;
  /** Object colour, `#rrggbb`. */
  readonly colour: string;
  /** Pixels per side (square). Default 480. */
  readonly size?: number;
}

/**
 * Draws a product "photo" as a real PNG: a flat studio backdrop, a soft shadow and a speckled object.
 * The sandbox's catalog points at these, so posts carry real image bytes through X's media upload
 * without the demo shipping binary files or reaching the internet.
 */
export function renderProductImage(spec: ProductImageSpec): Buffer {
  const size = spec.size ?? 480;
  const backdrop = rgb(spec.background);
  const body = rgb(spec.colour);
  const inside = SHAPES[spec.shape];
  const random = seededNoise(spec.shape.length * 7919 + body[0] * 31 + body[1]);
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 3); // Filter byte 0 ("none") then RGB triples.
    for (let px = 0; px < size; px += 1) {
      const x = px / size - 0.5;
      const y = py / size - 0.5;
      // Light falls from the top left: the backdrop darkens towards the bottom right.
      let colour = shade(backdrop, 1.06 - 0.12 * (x + y + 1) * 0.5);
      if (((x - 0.02) / 0.34) ** 2 + ((y - 0.33) / 0.06) ** 2 < 1) colour = shade(backdrop, 0.82);
      if (inside(x, y)) colour = shade(body, 1.1 - 0.35 * (x + 0.5) - 0.08 * random());
      row.set(colour, 1 + px * 3);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

type Inside = (x: number, y: number) => boolean;

const ellipse = (cx: number, cy: number, rx: number, ry: number) => (x: number, y: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const box = (left: number, top: number, right: number, bottom: number) => (x: number, y: number) =>
  x >= left && x <= right && y >= top && y <= bottom;

const SHAPES: Readonly<Record<ProductShape, Inside>> = {
  mug: (x, y) => {
    const handle = ellipse(0.2, 0.05, 0.11, 0.13)(x, y) && !ellipse(0.2, 0.05, 0.06, 0.08)(x, y);
    return box(-0.2, -0.18, 0.17, 0.3)(x, y) || handle;
  },
  bowl: (x, y) => (y >= 0 && ellipse(0, 0, 0.34, 0.3)(x, y)) || ellipse(0, 0, 0.34, 0.05)(x, y),
  vase: (x, y) => ellipse(0, 0.12, 0.2, 0.2)(x, y) || box(-0.06, -0.3, 0.06, 0)(x, y),
  plate: (x, y) => ellipse(0, 0.1, 0.38, 0.22)(x, y) && !ellipse(0, 0.1, 0.22, 0.12)(x, y),
  bag: (x, y) => box(-0.19, -0.22, 0.19, 0.3)(x, y) && !box(-0.19, -0.16, 0.19, -0.14)(x, y),
  cup: (x, y) => {
    const taper = 0.17 - (y + 0.12) * 0.2; // Wider at the rim than at the foot.
    const handle = ellipse(0.17, 0.0, 0.08, 0.07)(x, y) && !ellipse(0.17, 0.0, 0.045, 0.035)(x, y);
    return (y >= -0.12 && y <= 0.18 && Math.abs(x) <= taper) || handle || ellipse(0, 0.22, 0.3, 0.06)(x, y);
  },
};

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function shade(colour: readonly number[], factor: number): number[] {
  return colour.map((channel) => Math.max(0, Math.min(255, Math.round(channel * factor))));
}

/** A small deterministic generator, so the same product always gets the same speckles. */
function seededNoise(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour RGB, deflate, no filter method, no interlace.
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
