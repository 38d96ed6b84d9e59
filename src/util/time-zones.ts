import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as z from 'zod';

// IANA's rules as moment-timezone packs them, read without Intl: the first Intl.DateTimeFormat
// maps about 8 MB of ICU's code and data into every shard process (see README, Performance).
const packedData = z.object({ version: z.string(), zones: z.array(z.string()), links: z.array(z.string()) });
const dataFile = createRequire(import.meta.url).resolve('moment-timezone/data/packed/latest.json');

interface Zone {
  /** The minute (since 1970, UTC) each period ends; the last ends at `lastPeriodEnd`. */
  untils: Int32Array;
  /** Minutes to add to UTC for local time, per period. */
  offsets: Int16Array;
}

interface Rules {
  /** Every name a zone is known by (links included), lower-cased, to its rules. */
  zones: Map<string, Zone>;
  names: string[];
  version: string;
}
let rules: Rules | undefined;

/**
 * The rules are kept for 2000 to 2100: an instant outside reads the offset in force at the nearer end.
 * The bot deals in times of its own life (messages, completions, reminders), and moment-timezone's
 * histories run from the 1800s to 2499: as its packed strings they held 0.7 MB of V8's heap in every
 * shard, where these periods, one copy for zones whose rules are the same in these years (Berlin and
 * Paris, say), hold 80 KB. Every zone is unpacked on the first lookup, to find those copies: about 40 ms once per process.
 */
export const rulesKept = { from: Date.UTC(2000, 0, 1), until: Date.UTC(2100, 0, 1) };
const lastPeriodEnd = 0x7fffffff;

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

/** A packed zone's periods within `rulesKept`; since 1972 every change of offset falls on a whole minute and offsets are whole minutes. */
function unpack(packed: string): Zone {
  const [, , offsetsField = '', indicesField = '', untilsField = ''] = packed.split('|');
  const offsets = offsetsField.split(' ').map(base60);
  // The first period kept is the one in force at rulesKept.from; the last, the one in force at rulesKept.until.
  let first = 0;
  const kept: number[] = [];
  let at = 0;
  for (const delta of untilsField ? untilsField.split(' ') : []) {
    at = Math.round(at + base60(delta) * 60_000);
    if (at >= rulesKept.until) break; // the rest of the history (to 2499) is never read
    if (at <= rulesKept.from) first += 1;
    else kept.push(at / 60_000);
  }
  return {
    untils: Int32Array.from([...kept, lastPeriodEnd]),
    // Packed offsets are minutes west of UTC, as Date.getTimezoneOffset counts them.
    offsets: Int16Array.from(indicesField.slice(first, first + kept.length + 1), (index) => -offsets[base60(index)]!),
  };
}

function loadRules(): Rules {
  const data = packedData.parse(JSON.parse(readFileSync(dataFile, 'utf8')));
  const zones = new Map<string, Zone>();
  const sameRules = new Map<string, Zone>();
  const names: string[] = [];
  for (const packed of data.zones) {
    // A copy: in V8 a substring of 13 characters or more points into its parent, and would keep the zone's whole packed history.
    const name = Buffer.from(packed.slice(0, packed.indexOf('|'))).toString();
    const unpacked = unpack(packed);
    const rulesKey = `${unpacked.offsets.join(' ')}|${unpacked.untils.join(' ')}`;
    const zone = sameRules.get(rulesKey) ?? unpacked;
    sameRules.set(rulesKey, zone);
    zones.set(name.toLowerCase(), zone);
    names.push(name);
  }
  for (const link of data.links) {
    const [target, alias] = link.split('|') as [string, string];
    const zone = zones.get(target.toLowerCase());
    if (zone) zones.set(alias.toLowerCase(), zone);
    names.push(alias);
  }
  return { zones, names: names.sort(), version: data.version };
}
const loaded = () => (rules ??= loadRules());

/** Minutes to add to UTC for the wall clock of the zone at `instant`, or undefined for an unknown zone. */
export function utcOffsetMinutes(instant: number, timeZone: string): number | undefined {
  const zone = loaded().zones.get(timeZone.toLowerCase());
  if (!zone) return undefined;
  const minute = instant / 60_000;
  let low = 0;
  let high = zone.untils.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (minute < zone.untils[middle]!) high = middle;
    else low = middle + 1;
  }
  return zone.offsets[low]!;
}

/** Every IANA zone name and alias the rules know, sorted. */
export const timeZoneNames = (): readonly string[] => loaded().names;
/** The IANA release of the rules (for example "2026f"). */
export const timeZoneRulesVersion = (): string => loaded().version;
/** The zone's name as IANA spells it ("asia/tokyo" → "Asia/Tokyo"); a name the rules do not know is returned as given. */
export const canonicalTimeZone = (name: string): string => loaded().names.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
