import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Draws Hearth's icon (our own: a warm flame over a hearth line on the app's teal) and writes the PNG and ICO
 * files the manifest and the browser ask for. Pure Node, no image library: each pixel is coloured by how far it
 * is from the shapes (signed distances), which also gives soft, anti-aliased edges.
 * Run: npx tsx scripts/make-icons.ts (the output is committed; run it again only to change the icon).
 */

type Rgba = [number, number, number, number];
const TEAL: Rgba = [15, 106, 98, 255];
const FLAME: Rgba = [248, 196, 113, 255];
const EMBER: Rgba = [251, 234, 200, 255];
const PAPER: Rgba = [251, 250, 247, 255];

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** Distance to a rounded rectangle of half-sizes h (and hy) and corner radius r, centred at 0 (negative inside). */
function roundedSquare(x: number, y: number, h: number, r: number, hy = h): number {
  const qx = Math.abs(x) - h + r;
  const qy = Math.abs(y) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** A flame: a circle drawn up into a point (a teardrop), in unit coordinates. */
function teardrop(x: number, y: number, cx: number, cy: number, radius: number, height: number): number {
  const dx = x - cx;
  const dy = y - cy;
  if (dy >= 0) return Math.hypot(dx, dy) - radius;
  // Above the centre the width narrows linearly to the tip.
  const t = Math.min(1, -dy / height);
  const half = radius * (1 - t) ** 1.3;
  const edge = Math.abs(dx) - half;
  return -dy > height ? Math.hypot(dx, -dy - height) : Math.max(edge, -radius);
}

function over(base: Rgba, top: Rgba, alpha: number): Rgba {
  return [0, 1, 2, 3].map((i) => (i === 3 ? Math.max(base[3], alpha * 255) : base[i]! * (1 - alpha) + top[i]! * alpha)) as Rgba;
}

/** The picture at unit coordinates (-1..1). `maskable` fills the whole square and keeps the drawing in the safe zone. */
function pixel(x: number, y: number, px: number, maskable: boolean): Rgba {
  const aa = (d: number) => clamp(0.5 - d / px);
  const scale = maskable ? 0.72 : 1;
  const sx = x / scale;
  const sy = y / scale;
  let colour: Rgba = [0, 0, 0, 0];
  colour = over(colour, TEAL, maskable ? 1 : aa(roundedSquare(x, y, 0.94, 0.36)));
  colour = over(colour, FLAME, aa(teardrop(sx, sy, 0, 0.12, 0.42, 0.78) * scale));
  colour = over(colour, EMBER, aa(teardrop(sx, sy, 0, 0.26, 0.2, 0.42) * scale));
  colour = over(colour, PAPER, aa(roundedSquare(sx, sy - 0.68, 0.56, 0.05, 0.14) * scale));
  return colour;
}

function render(size: number, maskable = false): Buffer {
  const rows: Buffer[] = [];
  const px = 2 / size;
  for (let j = 0; j < size; j++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let i = 0; i < size; i++) {
      const [r, g, b, a] = pixel((i + 0.5) * px - 1, (j + 0.5) * px - 1, px, maskable);
      row.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a)], 1 + i * 4);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (every current browser reads them). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, n) => {
    const at = 6 + n * 16;
    head.writeUInt8(size >= 256 ? 0 : size, at);
    head.writeUInt8(size >= 256 ? 0 : size, at + 1);
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((i) => i.data)]);
}

const root = path.resolve(import.meta.dirname, "..");
const write = (file: string, data: Buffer) => fs.writeFileSync(path.join(root, file), data);
write("app/favicon.ico", ico([16, 32, 48].map((size) => ({ size, data: render(size) }))));
write("app/icon.png", render(192));
write("app/apple-icon.png", render(180, true));
write("public/icons/icon-192.png", render(192));
write("public/icons/icon-512.png", render(512));
write("public/icons/maskable-512.png", render(512, true));
