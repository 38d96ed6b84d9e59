import type { PathCommand } from './rasterize.ts';
import type { TrueTypeFont } from './truetype.ts';

type Point = { x: number; y: number; onCurve: boolean };
/** A 2 × 2 transform and an offset, as composite glyphs place their parts. */
type Placement = [number, number, number, number, number, number];
const identity: Placement = [1, 0, 0, 1, 0, 0];

/** Where the glyph's outline lies in the glyf table. */
function glyphRange(font: TrueTypeFont, glyph: number): [number, number] {
  const loca = font.tables.get('loca')!;
  const at = (index: number) => (font.longLoca ? font.bytes.readUInt32BE(loca + index * 4) : font.bytes.readUInt16BE(loca + index * 2) * 2);
  return [at(glyph), at(glyph + 1)];
}

function simpleContours(bytes: Buffer, start: number, contourCount: number): Point[][] {
  const ends = Array.from({ length: contourCount }, (_, index) => bytes.readUInt16BE(start + 10 + index * 2));
  const pointCount = (ends.at(-1) ?? -1) + 1;
  let at = start + 10 + contourCount * 2;
  at += 2 + bytes.readUInt16BE(at);
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = bytes[at++]!;
    flags.push(flag);
    if (flag & 8) for (let repeat = bytes[at++]!; repeat > 0; repeat -= 1) flags.push(flag);
  }
  // Each coordinate is a delta from the previous: a byte with its sign in the flag, a repeat of the last (0), or a 16-bit value.
  const coordinates = (short: number, sameOrPositive: number) => {
    let value = 0;
    return flags.map((flag) => {
      if (flag & short) value += bytes[at++]! * (flag & sameOrPositive ? 1 : -1);
      else if (!(flag & sameOrPositive)) {
        value += bytes.readInt16BE(at);
        at += 2;
      }
      return value;
    });
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  let first = 0;
  return ends.map((end) => {
    const contour = xs.slice(first, end + 1).map((x, index) => ({ x, y: ys[first + index]!, onCurve: (flags[first + index]! & 1) === 1 }));
    first = end + 1;
    return contour;
  });
}

function place(contours: Point[][], [a, b, c, d, dx, dy]: Placement): Point[][] {
  return contours.map((contour) => contour.map(({ x, y, onCurve }) => ({ x: a * x + c * y + dx, y: b * x + d * y + dy, onCurve })));
}

/** The glyph's contours in font units (y up); composite glyphs are their parts, placed. */
export function glyphContours(font: TrueTypeFont, glyph: number, depth = 0): Point[][] {
  const [start, end] = glyphRange(font, glyph);
  if (end <= start || depth > 8) return [];
  const bytes = font.glyf(start, end);
  const contourCount = bytes.readInt16BE(0);
  if (contourCount >= 0) return simpleContours(bytes, 0, contourCount);
  const contours: Point[][] = [];
  let at = 10;
  for (let flags = 0x20; flags & 0x20;) {
    flags = bytes.readUInt16BE(at);
    const part = bytes.readUInt16BE(at + 2);
    const words = (flags & 1) === 1;
    const dx = words ? bytes.readInt16BE(at + 4) : bytes.readInt8(at + 4);
    const dy = words ? bytes.readInt16BE(at + 6) : bytes.readInt8(at + 5);
    at += words ? 8 : 6;
    const f2dot14 = () => ((at += 2), bytes.readInt16BE(at - 2) / 16384);
    let placement: Placement = [...identity];
    if (flags & 8) placement = ((scale) => [scale, 0, 0, scale, 0, 0])(f2dot14());
    else if (flags & 0x40) placement = [f2dot14(), 0, 0, f2dot14(), 0, 0];
    else if (flags & 0x80) placement = [f2dot14(), f2dot14(), f2dot14(), f2dot14(), 0, 0];
    // Point-matched placement (ARGS_ARE_XY_VALUES unset) is rare in fonts and not supported: the part is drawn unmoved.
    if (flags & 2) [placement[4], placement[5]] = [dx, dy];
    contours.push(...place(glyphContours(font, part, depth + 1), placement));
  }
  return contours;
}

/** The glyph at `size` pixels as path commands, its origin at (0, 0) and y growing downwards as on screen. */
export function glyphPath(font: TrueTypeFont, glyph: number, size: number): PathCommand[] {
  const scale = size / font.unitsPerEm;
  const commands: PathCommand[] = [];
  for (const contour of glyphContours(font, glyph)) {
    if (contour.length === 0) continue;
    const points = contour.map(({ x, y, onCurve }) => ({ x: x * scale, y: -y * scale, onCurve }));
    // Start on an on-curve point; between two off-curve points lies an implied on-curve one at their middle.
    const firstOn = points.findIndex((point) => point.onCurve);
    const ordered = firstOn >= 0 ? [...points.slice(firstOn), ...points.slice(0, firstOn)] : points;
    const origin = ordered[0]!.onCurve
      ? ordered[0]!
      : { x: (ordered[0]!.x + ordered.at(-1)!.x) / 2, y: (ordered[0]!.y + ordered.at(-1)!.y) / 2, onCurve: true };
    commands.push({ type: 'M', x: origin.x, y: origin.y });
    let control: Point | undefined;
    for (const point of [...ordered.slice(ordered[0]!.onCurve ? 1 : 0), origin]) {
      if (point.onCurve) {
        commands.push(control ? { type: 'Q', x1: control.x, y1: control.y, x: point.x, y: point.y } : { type: 'L', x: point.x, y: point.y });
        control = undefined;
      } else if (control) {
        const middle = { x: (control.x + point.x) / 2, y: (control.y + point.y) / 2 };
        commands.push({ type: 'Q', x1: control.x, y1: control.y, x: middle.x, y: middle.y });
        control = point;
      } else control = point;
    }
    commands.push({ type: 'Z' });
  }
  return commands;
}
