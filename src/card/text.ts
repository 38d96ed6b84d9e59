import { advanceOf, glyphIndexOf } from './character-map.ts';
import { coverageOf } from './coverage.ts';
import { glyphPath } from './glyph-outline.ts';
import type { Coverage } from './rasterize.ts';
import { paint, type Colour, type Surface } from './surface.ts';
import type { TrueTypeFont } from './truetype.ts';

/** A font at one pixel size, with its glyphs' coverage kept once drawn. */
export interface TextStyle {
  font: TrueTypeFont;
  size: number;
  glyphs: Map<number, Coverage>;
}

/** Each style keeps at most this many glyphs: a card's text uses a few dozen, names bring a few more. */
const maxGlyphsPerStyle = 512;

export function textStyle(font: TrueTypeFont, size: number): TextStyle {
  return { font, size, glyphs: new Map() };
}

const glyphsOf = (style: TextStyle, text: string) => Array.from(text, (character) => glyphIndexOf(style.font, character.codePointAt(0)!));
const advance = (style: TextStyle, glyph: number) => (advanceOf(style.font, glyph) * style.size) / style.font.unitsPerEm;

export function measure(style: TextStyle, text: string): number {
  return glyphsOf(style, text).reduce((sum, glyph) => sum + advance(style, glyph), 0);
}

/** The text, cut with an ellipsis where it would be wider than `width` pixels. */
export function fit(style: TextStyle, text: string, width: number): string {
  if (measure(style, text) <= width) return text;
  const characters = Array.from(text);
  while (characters.length > 0 && measure(style, `${characters.join('').trimEnd()}…`) > width) characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

/** Draws the text with its baseline at y, starting at x (each glyph on a whole pixel; no kerning). */
export function drawText(surface: Surface, style: TextStyle, text: string, x: number, y: number, colour: Colour): void {
  let pen = x;
  for (const glyph of glyphsOf(style, text)) {
    let coverage = style.glyphs.get(glyph);
    if (!coverage) {
      coverage = coverageOf(glyphPath(style.font, glyph, style.size));
      if (style.glyphs.size < maxGlyphsPerStyle) style.glyphs.set(glyph, coverage);
    }
    paint(surface, coverage, Math.round(pen), Math.round(y), colour);
    pen += advance(style, glyph);
  }
}
