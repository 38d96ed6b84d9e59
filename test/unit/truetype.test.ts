import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'opentype.js/dist/opentype.mjs';
import { describe, expect, it } from 'vitest';
import { advanceOf, glyphIndexOf } from '../../src/card/character-map.ts';
import { coverageOf } from '../../src/card/coverage.ts';
import { glyphPath } from '../../src/card/glyph-outline.ts';
import { loadFaces } from '../../src/card/fonts.ts';
import { readTrueType, unicodeCmap } from '../../src/card/truetype.ts';

// The card reads its fonts itself; opentype.js, a maintained font library, is the reference it is checked against.
const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
// Plain letters, composites (accents placed on a base letter), Greek, Cyrillic, digits, symbols, and one the font lacks (CJK).
const characters = Array.from('AgQ&@%0179ÜéñÅœßλΩЖя€…·—→🙂李');

const faces = loadFaces();
describe.each([
  ['DejaVuSans.ttf', 'whole in memory', readTrueType(fontFile('DejaVuSans.ttf'))],
  ['DejaVuSans.ttf', 'as the card opens it', faces.regular],
  ['DejaVuSans-Bold.ttf', 'whole in memory', readTrueType(fontFile('DejaVuSans-Bold.ttf'))],
  ['DejaVuSans-Bold.ttf', 'as the card opens it', faces.bold],
])('reading %s %s', (name, _how, ours) => {
  const bytes = fontFile(name);
  const reference = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

  it('finds the same glyph and advance for each character as opentype.js, and the missing glyph where the font has none', () => {
    expect(ours.unitsPerEm).toBe(reference.unitsPerEm);
    for (const character of characters) {
      const glyph = reference.charToGlyph(character);
      expect(glyphIndexOf(ours, character.codePointAt(0)!), character).toBe(glyph.index);
      expect(advanceOf(ours, glyph.index), character).toBe(glyph.advanceWidth);
    }
    expect(glyphIndexOf(ours, '李'.codePointAt(0)!)).toBe(0);
  });

  it('draws each glyph with the same pixels as opentype.js’s outline of it, at the card’s sizes', () => {
    for (const size of [13, 28])
      for (const character of characters) {
        const glyph = reference.charToGlyph(character);
        const expected = coverageOf(glyph.getPath(0, 0, size).commands);
        const actual = coverageOf(glyphPath(ours, glyph.index, size));
        expect(actual.alpha.length, `${character} at ${size} px`).toBeGreaterThan(0);
        expect({ ...actual, alpha: [...actual.alpha] }, `${character} at ${size} px`).toEqual({ ...expected, alpha: [...expected.alpha] });
      }
  });
});

describe('the faces the card opens', () => {
  it('keep only the look-up tables in memory, and read the outlines from the font files', () => {
    for (const face of [faces.regular, faces.bold]) expect(face.bytes.length).toBeLessThan(100_000);
    expect(fontFile('DejaVuSans.ttf').length).toBeGreaterThan(700_000);
  });
});

describe('the character map', () => {
  it('reads the format 4 map (the Basic Multilingual Plane) as the format 12 one, and finds nothing beyond it', () => {
    const bytes = fontFile('DejaVuSans.ttf');
    const full = readTrueType(bytes);
    const basic = { ...full, cmap: unicodeCmap(bytes, full.tables.get('cmap')!, [4]) };
    expect(basic.cmap.format).toBe(4);
    expect(full.cmap.format).toBe(12);
    for (const character of characters) {
      const codePoint = character.codePointAt(0)!;
      expect(glyphIndexOf(basic, codePoint), character).toBe(codePoint > 0xffff ? 0 : glyphIndexOf(full, codePoint));
    }
  });
});
