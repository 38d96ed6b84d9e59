/** One drawing command of an outline, as opentype.js gives a glyph's path (y grows downwards). */
export interface PathCommand {
  type: 'M' | 'L' | 'Q' | 'C' | 'Z';
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}

/** How much of each pixel a shape covers (0–255), placed at (left, top) relative to its origin. */
export interface Coverage {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

type Point = [number, number];

function curve(from: Point, controls: Point[], to: Point, out: Point[]): void {
  const hull = [from, ...controls, to];
  let length = 0;
  for (let index = 1; index < hull.length; index += 1)
    length += Math.hypot(hull[index]![0] - hull[index - 1]![0], hull[index]![1] - hull[index - 1]![1]);
  const steps = Math.min(32, Math.max(2, Math.ceil(length / 2)));
  for (let step = 1; step <= steps; step += 1) {
    const t = step / steps;
    const u = 1 - t;
    const weights = controls.length === 1 ? [u * u, 2 * u * t, t * t] : [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    out.push([
      hull.reduce((sum, point, index) => sum + point[0] * weights[index]!, 0),
      hull.reduce((sum, point, index) => sum + point[1] * weights[index]!, 0),
    ]);
  }
}

/** The outline as closed polygons of straight edges (curves flattened to about 2 px segments). */
export function flatten(commands: readonly PathCommand[]): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  for (const command of commands) {
    const to: Point = [command.x ?? 0, command.y ?? 0];
    const from = current.at(-1) ?? to;
    if (command.type === 'M') {
      if (current.length > 1) polygons.push(current);
      current = [to];
    } else if (command.type === 'L') current.push(to);
    else if (command.type === 'Q') curve(from, [[command.x1!, command.y1!]], to, current);
    else if (command.type === 'C')
      curve(
        from,
        [
          [command.x1!, command.y1!],
          [command.x2!, command.y2!],
        ],
        to,
        current,
      );
    else if (command.type === 'Z') {
      if (current.length > 1) polygons.push(current);
      current = [];
    }
  }
  if (current.length > 1) polygons.push(current);
  return polygons;
}
