import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as z from 'zod';

// IANA's rules as moment-timezone packs them, read without Intl: the first Intl.DateTimeFormat
// maps about 8 MB of ICU's code and data into every shard process (see README, Performance).
const packedData = z.object({ version: z.string(), zones: z.array(z.string()), links: z.array(z.string()) });
const dataFile = createRequire(import.meta.url).resolve('moment-timezone/data/packed/latest.json');

interface Rules {
  /** Every name a zone is known by (links included), lower-cased, to its packed rules. */
  packed: Map<string, string>;
  names: string[];
  version: string;
}
let rules: Rules | undefined;

function loadRules(): Rules {
  const data = packedData.parse(JSON.parse(readFileSync(dataFile, 'utf8')));
  const packed = new Map<string, string>();
  const names: string[] = [];
  for (const zone of data.zones) {
    const name = zone.slice(0, zone.indexOf('|'));
    packed.set(name.toLowerCase(), zone);
    names.push(name);
  }
  for (const link of data.links) {
    const [target, alias] = link.split('|') as [string, string];
    const zone = packed.get(target.toLowerCase());
    if (zone) packed.set(alias.toLowerCase(), zone);
    names.push(alias);
  }
  return { packed, names: names.sort(), version: data.version };
}
const loaded = () => (rules ??= loadRules());

/** moment-timezone's base 60: 0-9, a-z, A-X, with an optional sign and fraction. */
function base60(text: string): number {
  const digit = (code: number) => (code > 96 ? code - 87 : code > 64 ? code - 29 : code - 48);
  const sign = text.startsWith('-') ? -1 : 1;
  const [whole = '', fraction = ''] = (sign < 0 ? text.slice(1) : text).split('.');
  let value = 0;
  for (let i = 0; i < whole.length; i += 1) value = value * 60 + digit(whole.charCodeAt(i));
  for (let i = 0, scale = 1 / 60; i < fraction.length; i += 1, scale /= 60) value += digit(fraction.charCodeAt(i)) * scale;
  return sign * value;
}

interface Zone {
  /** The instant (ms) each period ends; the last is Infinity. */
  untils: number[];
  /** Minutes to add to UTC for local time, per period. */
  offsets: number[];
}
/** A few zones' whole histories, the most recently used last: the shard's reminder check reads every zone each minute, and all of them unpacked would keep about 4 MB. */
const unpacked = new Map<string, Zone>();
const unpackedKept = 8;
/** Per zone, the period of its last lookup: nearly every lookup is of the present, and this answers it without the zone's history. */
const lastPeriods = new Map<string, { from: number; until: number; offset: number }>();

function unpack(packed: string): Zone {
  const [, , offsetsField = '', indicesField = '', untilsField = ''] = packed.split('|');
  const offsets = offsetsField.split(' ').map(base60);
  const untils: number[] = [];
  let at = 0;
  for (const delta of untilsField ? untilsField.split(' ') : []) untils.push((at = Math.round(at + base60(delta) * 60_000)));
  untils.push(Infinity);
  // Packed offsets are minutes west of UTC, as Date.getTimezoneOffset counts them.
  return { untils, offsets: [...indicesField].map((index) => -offsets[base60(index)]!) };
}

function zoneRules(key: string): Zone | undefined {
  let zone = unpacked.get(key);
  if (zone) unpacked.delete(key);
  else {
    const packed = loaded().packed.get(key);
    if (!packed) return undefined;
    zone = unpack(packed);
    if (unpacked.size >= unpackedKept) unpacked.delete(unpacked.keys().next().value!);
  }
  unpacked.set(key, zone);
  return zone;
}

/** Minutes to add to UTC for the wall clock of the zone at `instant`, or undefined for an unknown zone. */
export function utcOffsetMinutes(instant: number, timeZone: string): number | undefined {
  const key = timeZone.toLowerCase();
  const last = lastPeriods.get(key);
  if (last && instant >= last.from && instant < last.until) return last.offset;
  const zone = zoneRules(key);
  if (!zone) return undefined;
  let low = 0;
  let high = zone.untils.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (instant < zone.untils[middle]!) high = middle;
    else low = middle + 1;
  }
  const offset = zone.offsets[low]!;
  lastPeriods.set(key, { from: low > 0 ? zone.untils[low - 1]! : -Infinity, until: zone.untils[low]!, offset });
  return offset;
}

/** How many zones' whole histories are held at the moment (a few at most). */
export const unpackedZoneCount = (): number => unpacked.size;

/** Every IANA zone name and alias the rules know, sorted. */
export const timeZoneNames = (): readonly string[] => loaded().names;
/** The IANA release of the rules (for example "2026f"). */
export const timeZoneRulesVersion = (): string => loaded().version;
/** The zone's name as IANA spells it ("asia/tokyo" → "Asia/Tokyo"); a name the rules do not know is returned as given. */
export const canonicalTimeZone = (name: string): string => loaded().names.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
