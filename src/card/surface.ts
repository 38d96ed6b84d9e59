import type { Coverage } from './rasterize.ts';
import { paletteIndex, resetPalette, type Colour, type Palette } from './palette.ts';

export type { Colour } from './palette.ts';

/**
 * A picture being drawn, as an indexed-colour PNG's image data with no filter: each row a zero
 * byte, then one palette index a pixel. A card has a few dozen colours (its flat colours and
 * their blends at the edges), so a pixel is one byte, not three, and encoding it is one deflate.
 */
export interface Surface {
  width: number;
  height: number;
  /** Bytes per row: the zero and one per pixel. */
  stride: number;
  pixels: Buffer;
  palette: Palette;
}

export function createSurface(width: number, height: number, background: Colour): Surface {
  const surface = { width, height, stride: width + 1, pixels: Buffer.alloc((width + 1) * height), palette: { colours: [], indexOf: new Map() } };
  clear(surface, background);
  return surface;
}

/** Paints the whole surface one colour, so one surface can be drawn on again and again. */
export function clear(surface: Surface, colour: Colour): void {
  resetPalette(surface.palette, colour); // the colour is index 0, and 0 is also each row's filter byte
  surface.pixels.fill(0);
}

const blend = (below: Colour, colour: Colour, alpha: number): Colour => {
  let blended = 0;
  for (let shift = 16; shift >= 0; shift -= 8) {
    const from = (below >> shift) & 0xff;
    blended |= (from + Math.round(((((colour >> shift) & 0xff) - from) * alpha) / 255)) << shift;
  }
  return blended;
};

/** Paints `colour` through a coverage mask whose origin is at (x, y), clipped to the surface. */
export function paint(surface: Surface, coverage: Coverage, x: number, y: number, colour: Colour): void {
  const { palette, pixels } = surface;
  const solid = paletteIndex(palette, colour);
  for (let row = 0; row < coverage.height; row += 1) {
    const surfaceY = y + coverage.top + row;
    if (surfaceY < 0 || surfaceY >= surface.height) continue;
    for (let column = 0; column < coverage.width; column += 1) {
      const surfaceX = x + coverage.left + column;
      const alpha = coverage.alpha[row * coverage.width + column]!;
      if (alpha === 0 || surfaceX < 0 || surfaceX >= surface.width) continue;
      const index = surfaceY * surface.stride + 1 + surfaceX;
      pixels[index] = alpha === 255 ? solid : paletteIndex(palette, blend(palette.colours[pixels[index]!]!, colour, alpha));
    }
  }
}
