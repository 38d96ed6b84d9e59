import type { TrueTypeFont } from './truetype.ts';

/** The glyph for a Unicode code point, 0 (the font's "missing" box) if it has none. */
export function glyphIndexOf(font: TrueTypeFont, codePoint: number): number {
  const { bytes } = font;
  const { offset, format } = font.cmap;
  if (format === 12) {
    let low = 0;
    let high = bytes.readUInt32BE(offset + 12) - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const group = offset + 16 + middle * 12;
      if (codePoint < bytes.readUInt32BE(group)) high = middle - 1;
      else if (codePoint > bytes.readUInt32BE(group + 4)) low = middle + 1;
      else return bytes.readUInt32BE(group + 8) + codePoint - bytes.readUInt32BE(group);
    }
    return 0;
  }
  if (codePoint > 0xffff) return 0;
  const segments = bytes.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment += 1) {
    if (codePoint > bytes.readUInt16BE(ends + segment * 2)) continue;
    const start = bytes.readUInt16BE(starts + segment * 2);
    if (codePoint < start) return 0;
    const delta = bytes.readInt16BE(deltas + segment * 2);
    const rangeOffset = bytes.readUInt16BE(rangeOffsets + segment * 2);
    if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
    const glyph = bytes.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (codePoint - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}

/** How far the pen moves after the glyph, in font units. */
export function advanceOf(font: TrueTypeFont, glyph: number): number {
  const hmtx = font.tables.get('hmtx')!;
  return font.bytes.readUInt16BE(hmtx + 4 * Math.min(glyph, font.horizontalMetrics - 1));
}
