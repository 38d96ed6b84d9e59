import { openSync, readFileSync, readSync } from 'node:fs';

/**
 * A TrueType font read straight from its file's bytes: the tables are located once, and
 * characters, advances and outlines are looked up in place when asked for (see README,
 * "Progress card", for why this is not a font library).
 */
export interface TrueTypeFont {
  /** The tables looked up in place; outlines come through `glyf`. */
  bytes: Buffer;
  unitsPerEm: number;
  ascender: number;
  /** Where each table starts in `bytes`, by its tag. */
  tables: Map<string, number>;
  longLoca: boolean;
  glyphCount: number;
  horizontalMetrics: number;
  /** The cmap subtable used: its offset and format (12: all of Unicode; 4: the Basic Multilingual Plane). */
  cmap: { offset: number; format: 4 | 12 };
  /** Bytes [start, end) of the glyf table, where the outlines are. */
  glyf(start: number, end: number): Buffer;
}

/** Each table's place in the file, by tag. */
function tableDirectory(bytes: Buffer): Map<string, { offset: number; length: number }> {
  const directory = new Map<string, { offset: number; length: number }>();
  for (let index = 0; index < bytes.readUInt16BE(4); index += 1) {
    const record = 12 + index * 16;
    directory.set(bytes.toString('latin1', record, record + 4), { offset: bytes.readUInt32BE(record + 8), length: bytes.readUInt32BE(record + 12) });
  }
  return directory;
}

function table(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`the font has no ${tag} table`);
  return offset;
}

/** The font's Unicode character map: format 12 (all of Unicode) where it has one, else format 4; `formats` narrows the choice (tests). */
export function unicodeCmap(bytes: Buffer, cmapTable: number, formats: readonly (4 | 12)[] = [12, 4]): TrueTypeFont['cmap'] {
  const found = new Map<string, number>();
  for (let index = 0; index < bytes.readUInt16BE(cmapTable + 2); index += 1) {
    const record = cmapTable + 4 + index * 8;
    found.set(`${bytes.readUInt16BE(record)}/${bytes.readUInt16BE(record + 2)}`, cmapTable + bytes.readUInt32BE(record + 4));
  }
  const full = found.get('3/10') ?? found.get('0/4');
  if (formats.includes(12) && full !== undefined && bytes.readUInt16BE(full) === 12) return { offset: full, format: 12 };
  const basic = found.get('3/1') ?? found.get('0/3');
  if (formats.includes(4) && basic !== undefined && bytes.readUInt16BE(basic) === 4) return { offset: basic, format: 4 };
  throw new Error('the font has no Unicode character map');
}

function fontOf(bytes: Buffer, tables: Map<string, number>, glyf: TrueTypeFont['glyf']): TrueTypeFont {
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  for (const tag of ['loca', 'hmtx']) table(tables, tag);
  return {
    bytes,
    unitsPerEm: bytes.readUInt16BE(head + 18),
    ascender: bytes.readInt16BE(hhea + 4),
    tables,
    longLoca: bytes.readInt16BE(head + 50) === 1,
    glyphCount: bytes.readUInt16BE(table(tables, 'maxp') + 4),
    horizontalMetrics: bytes.readUInt16BE(hhea + 34),
    cmap: unicodeCmap(bytes, table(tables, 'cmap')),
    glyf,
  };
}

/** A font whose whole file is in memory. */
export function readTrueType(bytes: Buffer): TrueTypeFont {
  const tables = new Map([...tableDirectory(bytes)].map(([tag, { offset }]) => [tag, offset]));
  const glyf = table(tables, 'glyf');
  return fontOf(bytes, tables, (start, end) => bytes.subarray(glyf + start, glyf + end));
}

/** The tables that characters and advances are looked up in: about 56 KB of a 700 KB face. */
const lookupTables = ['head', 'hhea', 'maxp', 'cmap', 'loca', 'hmtx'];

/**
 * A font file opened for drawing: the look-up tables are kept in memory, and a glyph's outline
 * (most of the file) is read from the file when the glyph is first drawn; drawn glyphs are kept
 * by the text styles (text.ts). Each shard so holds about 1.3 MB less for the card's two faces.
 */
export function openTrueType(path: string): TrueTypeFont {
  const whole = readFileSync(path);
  const directory = tableDirectory(whole);
  const tables = new Map<string, number>();
  const parts: Buffer[] = [];
  let at = 0;
  for (const tag of lookupTables) {
    const found = directory.get(tag);
    if (!found) throw new Error(`the font has no ${tag} table`);
    tables.set(tag, at);
    parts.push(whole.subarray(found.offset, found.offset + found.length));
    at += found.length;
  }
  const glyf = directory.get('glyf');
  if (!glyf) throw new Error('the font has no glyf table');
  const file = openSync(path, 'r');
  return fontOf(Buffer.concat(parts), tables, (start, end) => {
    const outline = Buffer.alloc(end - start);
    readSync(file, outline, 0, outline.length, glyf.offset + start);
    return outline;
  });
}
