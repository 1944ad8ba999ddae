import { deflateSync } from "node:zlib";

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export type Rgba = { width: number; height: number; pixels: Uint8Array };

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Encodes an RGBA image as a PNG file (8-bit truecolour with alpha, no interlace). Written here
 * rather than taken from a package: the icons are drawn by code, and this is all they need.
 *
 * @example
 * encodePng({ width: 1, height: 1, pixels: Uint8Array.of(255, 0, 0, 255) }); // a red pixel
 */
export function encodePng({ width, height, pixels }: Rgba): Buffer {
  if (pixels.length !== width * height * 4) throw new Error(`expected ${width}×${height} RGBA pixels`);
  const rowBytes = width * 4;
  // Each row starts with its filter type; 0 (none) keeps the encoder trivial and deflate does the rest.
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = 0;
    raw.set(pixels.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG and ZIP use it (zlib.crc32 only exists from Node 20.15). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
