import { PNG } from 'pngjs';

/** A PNG decoded by pngjs (which checks its signature, chunks and checksums), with a pixel reader. */
export function decodePng(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  return {
    width: png.width,
    height: png.height,
    /** The colour at (x, y) as 0xRRGGBB. */
    colourAt(x: number, y: number): number {
      const index = (y * png.width + x) * 4;
      return (png.data[index]! << 16) | (png.data[index + 1]! << 8) | png.data[index + 2]!;
    },
  };
}
