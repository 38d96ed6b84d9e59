import { flatten, type Coverage, type PathCommand } from './rasterize.ts';

const samples = 4;
const levels = samples * samples;

/**
 * Rasterizes an outline with the non-zero winding rule, as fonts and SVG fill: 4 × 4 samples per
 * pixel, each sample inside when the edges crossing its sub-row to its left wind other than zero.
 */
export function coverageOf(commands: readonly PathCommand[]): Coverage {
  const polygons = flatten(commands);
  const points = polygons.flat();
  if (points.length === 0) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
  const left = Math.floor(Math.min(...points.map(([x]) => x)));
  const top = Math.floor(Math.min(...points.map(([, y]) => y)));
  const width = Math.ceil(Math.max(...points.map(([x]) => x))) - left;
  const height = Math.ceil(Math.max(...points.map(([, y]) => y))) - top;
  const edges: [number, number, number, number][] = [];
  for (const polygon of polygons)
    polygon.forEach(([x0, y0], index) => {
      const [x1, y1] = polygon[(index + 1) % polygon.length]!;
      if (y0 !== y1) edges.push([(x0 - left) * samples, (y0 - top) * samples, (x1 - left) * samples, (y1 - top) * samples]);
    });
  const counts = new Uint16Array(width * height);
  const crossings: [number, number][] = [];
  for (let row = 0; row < height * samples; row += 1) {
    const y = row + 0.5;
    crossings.length = 0;
    for (const [x0, y0, x1, y1] of edges)
      if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) crossings.push([x0 + ((y - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
    crossings.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    let start = 0;
    for (const [x, direction] of crossings) {
      const before = winding;
      winding += direction;
      if (before === 0 && winding !== 0) start = x;
      else if (before !== 0 && winding === 0) {
        const base = Math.floor(row / samples) * width;
        for (let sample = Math.ceil(start - 0.5); sample < Math.ceil(x - 0.5); sample += 1) counts[base + Math.floor(sample / samples)]! += 1;
      }
    }
  }
  const alpha = new Uint8Array(counts.length);
  for (let index = 0; index < counts.length; index += 1) alpha[index] = Math.round((counts[index]! * 255) / levels);
  return { left, top, width, height, alpha };
}
