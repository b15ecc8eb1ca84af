// Draws Bro's icon (a bridge: "bro" in Norwegian and Danish) as SVG and as PNGs, with Node built-ins
// only. Run `node build/icons/make-icons.mjs` after changing the shapes; the outputs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const COLORS = { background: [29, 79, 115], bridge: [255, 255, 255], water: [143, 193, 227] };

// The shapes in a 512×512 box; each is an inside-test used for the PNG and written out for the SVG.
const CARD = { inset: 16, radius: 96 };
const DECK = { x0: 72, x1: 440, y0: 300, y1: 330 };
const ARCH = { cx: 256, cy: 330, inner: 150, outer: 180 };
const HANGERS = [166, 211, 256, 301, 346].map((x) => ({ x0: x - 5, x1: x + 5 }));
const WATER = [
  { x0: 112, x1: 400, y0: 372, y1: 384 },
  { x0: 168, x1: 344, y0: 404, y1: 414 },
];

function inCard(x, y) {
  const { inset, radius } = CARD;
  const cx = Math.min(Math.max(x, inset + radius), SIZE - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), SIZE - inset - radius);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= inset && x <= SIZE - inset && y >= inset && y <= SIZE - inset
  );
}
const inRect = (r, x, y) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
function inArch(x, y) {
  const d = Math.hypot(x - ARCH.cx, y - ARCH.cy);
  return y <= DECK.y0 && d >= ARCH.inner && d <= ARCH.outer;
}
function inHanger(x, y) {
  const d = Math.hypot(x - ARCH.cx, y - ARCH.cy);
  return y <= DECK.y0 && d <= ARCH.inner + 2 && HANGERS.some((h) => x >= h.x0 && x <= h.x1);
}

function colourAt(x, y) {
  if (!inCard(x, y)) return null;
  if (inRect(DECK, x, y) || inArch(x, y) || inHanger(x, y)) return COLORS.bridge;
  if (WATER.some((r) => inRect(r, x, y))) return COLORS.water;
  return COLORS.background;
}

/** RGBA pixels, 4×4 supersampled so the curves are smooth. */
function render(size) {
  const scale = SIZE / size;
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale);
          if (!colour) continue;
          colour.forEach((value, index) => (sum[index] += value));
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[offset + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[offset + 3] = Math.round(sum[3] / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size) {
  const pixels = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const rgb = ([r, g, b]) => `rgb(${r},${g},${b})`;
  const rect = (r, fill) =>
    `<rect x="${r.x0}" y="${r.y0}" width="${r.x1 - r.x0}" height="${r.y1 - r.y0}" fill="${fill}"/>`;
  const { cx, cy, inner, outer } = ARCH;
  const dy = cy - DECK.y0;
  const ox = Math.sqrt(outer ** 2 - dy ** 2);
  const ix = Math.sqrt(inner ** 2 - dy ** 2);
  const at = (value) => +value.toFixed(2);
  const arch =
    `<path d="M ${at(cx - ox)} ${DECK.y0} A ${outer} ${outer} 0 0 1 ${at(cx + ox)} ${DECK.y0} ` +
    `L ${at(cx + ix)} ${DECK.y0} A ${inner} ${inner} 0 0 0 ${at(cx - ix)} ${DECK.y0} Z" fill="${rgb(COLORS.bridge)}"/>`;
  const hangers = HANGERS.map((h) => {
    const top = cy - Math.sqrt(Math.max(0, (inner + 2) ** 2 - ((h.x0 + h.x1) / 2 - cx) ** 2));
    return rect({ x0: h.x0, x1: h.x1, y0: Math.round(top), y1: DECK.y0 }, rgb(COLORS.bridge));
  });
  const side = SIZE - 2 * CARD.inset;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">`,
    `<title>Bro</title>`,
    `<rect x="${CARD.inset}" y="${CARD.inset}" width="${side}" height="${side}" rx="${CARD.radius}" fill="${rgb(COLORS.background)}"/>`,
    arch,
    ...hangers,
    rect(DECK, rgb(COLORS.bridge)),
    ...WATER.map((r) => rect(r, rgb(COLORS.water))),
    `</svg>`,
    '',
  ].join('\n');
}

const here = new URL('./', import.meta.url);
writeFileSync(new URL('icon.svg', here), svg());
writeFileSync(new URL('icon.png', here), png(512));
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(new URL(`${size}x${size}.png`, here), png(size));
console.log('build/icons: icon.svg, icon.png and 16…512 px PNGs written');
