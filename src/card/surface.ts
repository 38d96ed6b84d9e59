import type { Coverage } from './rasterize.ts';

/** An RGB colour as 0xRRGGBB, as the embeds' colours are written. */
export type Colour = number;

/**
 * A picture being drawn: 8-bit RGB pixels, row after row, each row after a zero byte. That is a
 * PNG's image data with no filter, so encoding it is one deflate, with no copy.
 */
export interface Surface {
  width: number;
  height: number;
  /** Bytes per row: the zero and three per pixel. */
  stride: number;
  pixels: Buffer;
}

export function createSurface(width: number, height: number, background: Colour): Surface {
  const surface = { width, height, stride: width * 3 + 1, pixels: Buffer.alloc((width * 3 + 1) * height) };
  clear(surface, background);
  return surface;
}

/** Paints the whole surface one colour, so one surface can be drawn on again and again. */
export function clear(surface: Surface, colour: Colour): void {
  const row = Buffer.alloc(surface.stride);
  for (let index = 1; index < row.length; index += 3) row.set([colour >> 16, (colour >> 8) & 0xff, colour & 0xff], index);
  surface.pixels.fill(row);
}

/** Paints `colour` through a coverage mask whose origin is at (x, y), clipped to the surface. */
export function paint(surface: Surface, coverage: Coverage, x: number, y: number, colour: Colour): void {
  const rgb = [colour >> 16, (colour >> 8) & 0xff, colour & 0xff] as const;
  for (let row = 0; row < coverage.height; row += 1) {
    const surfaceY = y + coverage.top + row;
    if (surfaceY < 0 || surfaceY >= surface.height) continue;
    for (let column = 0; column < coverage.width; column += 1) {
      const surfaceX = x + coverage.left + column;
      const alpha = coverage.alpha[row * coverage.width + column]!;
      if (alpha === 0 || surfaceX < 0 || surfaceX >= surface.width) continue;
      const index = surfaceY * surface.stride + 1 + surfaceX * 3;
      for (let channel = 0; channel < 3; channel += 1) {
        const below = surface.pixels[index + channel]!;
        surface.pixels[index + channel] = below + Math.round(((rgb[channel]! - below) * alpha) / 255);
      }
    }
  }
}
