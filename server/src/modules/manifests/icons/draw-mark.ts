import type { Rgba } from "./png.ts";

/** Fluent's brand blue: the icons sit beside Office's own, so they share its palette. */
const BRAND: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
/** Samples per pixel side: 4×4 gives smooth edges even at 16 px. */
const SUPERSAMPLE = 4;

type Point = readonly [number, number];

/**
 * Rapport's mark, drawn by code so no artwork is downloaded or committed: a white "R" on a blue
 * rounded square (`color`), or the "R" and the square's edge in white on transparent (`outline`,
 * the unified manifest's monochrome icon). Coordinates are in a unit square, y down.
 */
export function drawMark(size: number, style: "color" | "outline" = "color"): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  // Strokes get relatively thicker as the icon shrinks, so 16 px stays legible.
  const stroke = size <= 20 ? 0.17 : size <= 40 ? 0.15 : 0.13;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const p: Point = [(x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size];
          const edge = roundedSquareDistance(p, 0.22);
          if (style === "color" ? edge <= 0 : edge <= 0 && edge > -0.07) square++;
          if (letterDistance(p) <= stroke / 2) glyph++;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const g = glyph / samples;
      const s = square / samples;
      const offset = (y * size + x) * 4;
      if (style === "color") {
        // The glyph lies inside the square, so white over blue, and the square's own edge is the alpha.
        BRAND.forEach((channel, c) => {
          pixels[offset + c] = Math.round(channel * (1 - g) + 255 * g);
        });
        pixels[offset + 3] = Math.round(255 * s);
      } else {
        pixels.set([255, 255, 255], offset);
        pixels[offset + 3] = Math.round(255 * Math.min(1, g + s));
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** Signed distance to a square filling the unit square with rounded corners (negative inside). */
function roundedSquareDistance([x, y]: Point, radius: number): number {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to the centre line of the "R": a stem, a bowl (two bars and a half circle) and a leg. */
function letterDistance(p: Point): number {
  const left = 0.34;
  const top = 0.25;
  const bottom = 0.75;
  const middle = 0.5;
  const bowlRadius = (middle - top) / 2;
  const bowlCentre: Point = [0.52, top + bowlRadius];
  return Math.min(
    segmentDistance(p, [left, top], [left, bottom]),
    segmentDistance(p, [left, top], [bowlCentre[0], top]),
    segmentDistance(p, [left, middle], [bowlCentre[0], middle]),
    rightHalfCircleDistance(p, bowlCentre, bowlRadius),
    segmentDistance(p, [0.5, middle], [0.68, bottom]),
  );
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function rightHalfCircleDistance([px, py]: Point, [cx, cy]: Point, radius: number): number {
  if (px >= cx) return Math.abs(Math.hypot(px - cx, py - cy) - radius);
  // Left of the centre the arc has ended: the nearest point is one of its two ends.
  return Math.min(Math.hypot(px - cx, py - (cy - radius)), Math.hypot(px - cx, py - (cy + radius)));
}
