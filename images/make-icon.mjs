// Draws images/icon.png (128×128): a red badge, a white sheet with a table grid, a yellow seal with a check.
// Only Node built-ins; 4×4 supersampling for smooth edges. Run: node images/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128;
const S = 4;
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GOLD = [245, 196, 0];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const nearSegment = (x, y, [ax, ay], [bx, by], w) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const grid = [
  [[34, 36], [84, 36], 4],
  [[34, 52], [84, 52], 2.5],
  [[34, 66], [84, 66], 2.5],
  [[34, 80], [84, 80], 2.5],
  [[52, 46], [52, 92], 2.5],
  [[68, 46], [68, 92], 2.5],
];
const check = [
  [[81, 94], [89, 102], 6],
  [[89, 102], [103, 86], 6],
];

/** The colour at a point, or undefined for transparent. */
function colour(x, y) {
  let c;
  if (inRoundRect(x, y, 4, 4, 124, 124, 20)) c = RED;
  if (c && x >= 26 && x <= 92 && y >= 20 && y <= 106) c = WHITE;
  if (c === WHITE && grid.some(([a, b, w]) => nearSegment(x, y, a, b, w))) c = RED;
  if ((x - 92) ** 2 + (y - 94) ** 2 <= 22 ** 2) c = GOLD;
  if (c === GOLD && check.some(([a, b, w]) => nearSegment(x, y, a, b, w))) c = RED;
  return c;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const c = colour(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    if (a > 0) {
      raw[o] = r / a;
      raw[o + 1] = g / a;
      raw[o + 2] = b / a;
    }
    raw[o + 3] = Math.round((255 * a) / (S * S));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
