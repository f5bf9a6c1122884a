#!/usr/bin/env node
/**
 * Draws the two Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32) with
 * no image library: shapes are described geometrically in a unit square, rasterised with 4×4
 * supersampling for smooth edges, and written as RGBA PNGs with zlib. The PNGs are committed; run
 * this again (`node scripts/make-icons.mjs`) only when the mark changes.
 *
 * The mark is a speech bubble with three lines of "quoted text": the bot quotes guidance, it does
 * not decide. Deliberately no maple leaf or other federal identity symbol.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'appPackage');

/** Canada.ca dark blue; also the manifest's accentColor. */
const BACKGROUND = [0x26, 0x37, 0x4a];
const WHITE = [0xff, 0xff, 0xff];

// ---------- PNG encoding ----------

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4. Colour type 6 (RGBA), 8 bits, filter 0 on every row. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- geometry (unit square, y down) ----------

function inRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNeg && hasPos);
}

/** The bubble grown by `grow` (negative shrinks it), so the outline icon can be a ring. */
function inBubble(x, y, grow = 0) {
  const body = inRoundedRect(x, y, 0.16 - grow, 0.2 - grow, 0.84 + grow, 0.68 + grow, 0.12 + grow);
  const tail = inTriangle(x, y, [0.28 - grow, 0.6], [0.5 + grow, 0.6], [0.24 - grow, 0.86 + grow * 1.5]);
  return body || tail;
}

/** Three left-aligned lines of different lengths, like quoted text. */
function inTextLines(x, y, thickness) {
  const lines = [
    [0.3, 0.33, 0.7],
    [0.3, 0.44, 0.62],
    [0.3, 0.55, 0.5],
  ];
  return lines.some(([left, centreY, right]) =>
    inRoundedRect(x, y, left, centreY - thickness / 2, right, centreY + thickness / 2, thickness / 2),
  );
}

/** Rasterises `cover(x, y)` → colour or null with 4×4 supersampling; returns straight RGBA. */
function render(size, background, cover) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = cover((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size) ?? background;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

// Colour icon: white bubble with dark-blue lines on a full dark-blue square (Teams crops it).
const color = render(192, BACKGROUND, (x, y) => {
  if (!inBubble(x, y)) return null;
  return inTextLines(x, y, 0.055) ? BACKGROUND : WHITE;
});

// Outline icon: white ring and lines on transparent; every visible pixel is pure white, as Teams requires.
const outline = render(32, null, (x, y) => {
  const ring = inBubble(x, y, 0.02) && !inBubble(x, y, -0.05);
  return ring || inTextLines(x, y, 0.07) ? WHITE : null;
});
// Transparent pixels carry white too, so the file holds only white at varying alpha.
for (let i = 0; i < outline.length; i += 4) outline.fill(0xff, i, i + 3);

writeFileSync(path.join(OUT_DIR, 'color.png'), encodePng(192, 192, color));
writeFileSync(path.join(OUT_DIR, 'outline.png'), encodePng(32, 32, outline));
console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
