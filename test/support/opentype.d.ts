// The part of opentype.js 2's API the font test uses (its ES module build ships no types).
declare module 'opentype.js/dist/opentype.mjs' {
  import type { PathCommand } from '../../src/card/rasterize.ts';

  export interface Glyph {
    index: number;
    advanceWidth?: number;
    getPath(x: number, y: number, fontSize: number): { commands: PathCommand[] };
  }

  export interface Font {
    unitsPerEm: number;
    charToGlyph(character: string): Glyph;
  }

  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;
}
