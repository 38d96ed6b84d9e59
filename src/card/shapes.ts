import { coverageOf } from './coverage.ts';
import type { Coverage, PathCommand } from './rasterize.ts';

/** How far a cubic's control points sit along the tangents to draw a quarter circle. */
const kappa = 0.5523;
const cache = new Map<string, Coverage>();

function roundedRectPath(width: number, height: number, radius: number): PathCommand[] {
  const r = Math.min(radius, width / 2, height / 2);
  const k = r * (1 - kappa);
  return [
    { type: 'M', x: r, y: 0 },
    { type: 'L', x: width - r, y: 0 },
    { type: 'C', x1: width - k, y1: 0, x2: width, y2: k, x: width, y: r },
    { type: 'L', x: width, y: height - r },
    { type: 'C', x1: width, y1: height - k, x2: width - k, y2: height, x: width - r, y: height },
    { type: 'L', x: r, y: height },
    { type: 'C', x1: k, y1: height, x2: 0, y2: height - k, x: 0, y: height - r },
    { type: 'L', x: 0, y: r },
    { type: 'C', x1: 0, y1: k, x2: k, y2: 0, x: r, y: 0 },
    { type: 'Z' },
  ];
}

/** A rounded rectangle's coverage with its origin at its top left corner; the card draws few sizes, so each is kept. */
export function roundedRect(width: number, height: number, radius: number): Coverage {
  const key = `${width}x${height}r${radius}`;
  let coverage = cache.get(key);
  if (!coverage) {
    coverage = coverageOf(roundedRectPath(width, height, radius));
    if (cache.size < 256) cache.set(key, coverage);
  }
  return coverage;
}
