/**
 * A TrueType font read straight from its file's bytes: the tables are located once, and
 * characters, advances and outlines are looked up in place when asked for (see README,
 * "Progress card", for why this is not a font library).
 */
export interface TrueTypeFont {
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

export function readTrueType(bytes: Buffer): TrueTypeFont {
  const tables = new Map<string, number>();
  for (let index = 0; index < bytes.readUInt16BE(4); index += 1) {
    const record = 12 + index * 16;
    tables.set(bytes.toString('latin1', record, record + 4), bytes.readUInt32BE(record + 8));
  }
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  for (const tag of ['loca', 'glyf', 'hmtx']) table(tables, tag);
  return {
    bytes,
    unitsPerEm: bytes.readUInt16BE(head + 18),
    ascender: bytes.readInt16BE(hhea + 4),
    tables,
    longLoca: bytes.readInt16BE(head + 50) === 1,
    glyphCount: bytes.readUInt16BE(table(tables, 'maxp') + 4),
    horizontalMetrics: bytes.readUInt16BE(hhea + 34),
    cmap: unicodeCmap(bytes, table(tables, 'cmap')),
  };
}
