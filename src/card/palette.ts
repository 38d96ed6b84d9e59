/** An RGB colour as 0xRRGGBB, as the embeds' colours are written. */
export type Colour = number;

/** The colours of an indexed picture, at most 256, each with its index. */
export interface Palette {
  colours: Colour[];
  indexOf: Map<Colour, number>;
}

/** Empties `palette` down to `first`, at index 0. */
export function resetPalette(palette: Palette, first: Colour): void {
  palette.colours.length = 0;
  palette.indexOf.clear();
  paletteIndex(palette, first);
}

const distance = (a: Colour, b: Colour) =>
  ((a >> 16) - (b >> 16)) ** 2 + (((a >> 8) & 0xff) - ((b >> 8) & 0xff)) ** 2 + ((a & 0xff) - (b & 0xff)) ** 2;

/**
 * The index of `colour`, added if new. Once 256 colours are taken (a card has far fewer), a new
 * colour gets the index of the nearest one already there: a blend at an edge a shade off.
 */
export function paletteIndex(palette: Palette, colour: Colour): number {
  const known = palette.indexOf.get(colour);
  if (known !== undefined) return known;
  if (palette.colours.length < 256) {
    palette.colours.push(colour);
    palette.indexOf.set(colour, palette.colours.length - 1);
    return palette.colours.length - 1;
  }
  let nearest = 0;
  for (let index = 1; index < palette.colours.length; index += 1)
    if (distance(palette.colours[index]!, colour) < distance(palette.colours[nearest]!, colour)) nearest = index;
  return nearest;
}
