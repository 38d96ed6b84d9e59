import { describe, expect, it } from 'vitest';
import { dayNumber, isValidTimeZone, localDayNumber, localTime } from '../../src/util/time.ts';
import { rulesKept, timeZoneNames, timeZoneRulesVersion, utcOffsetMinutes } from '../../src/util/time-zones.ts';
import { searchTimeZones } from '../../src/ui/choices.ts';

// The reference: Node's own ICU, which the bot no longer loads at run time.
const formatters = new Map<string, Intl.DateTimeFormat>();
function icuWallClock(at: number, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
    formatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { ...options, weekday: 'short' })));
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minute = 60_000;
const from = Date.UTC(2000, 0, 1);
// Node 20's ICU has the IANA rules of 2025; later releases changed a few zones from 2026 on.
const until = Date.UTC(2026, 0, 1);
// The only zone whose past the two releases disagree on: Moldova's changes of offset since 2022 (the packaged rules are the newer release).
const newerRulesDiffer = 'Europe/Chisinau';

describe('time zones without Intl', () => {
  it('reads the wall clock (and its day number, as streaks count days) as ICU does for every zone Node knows, either side of every change of offset and every few weeks, 2000 to 2025', () => {
    const day = 24 * 60 * minute;
    const mismatches: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      if (zone === newerRulesDiffer) continue;
      const instants: number[] = [];
      for (let at = from; at < until; at += 23 * day + 7 * 60 * minute + 13 * minute) instants.push(at);
      for (let at = from; at < until; at += day) {
        if (utcOffsetMinutes(at, zone) === utcOffsetMinutes(at + day, zone)) continue;
        // The first minute of the new offset, found by halving the day.
        let [before, after] = [at, at + day];
        while (after - before > minute) {
          const middle = before + Math.floor((after - before) / 2 / minute) * minute;
          if (utcOffsetMinutes(middle, zone) === utcOffsetMinutes(at, zone)) before = middle;
          else after = middle;
        }
        instants.push(after - minute, after);
      }
      for (const at of instants) {
        const ours = localTime(new Date(at), zone);
        const icu = icuWallClock(at, zone);
        const dayMismatch = localDayNumber(new Date(at), zone) !== dayNumber(icu.date);
        if (ours.date !== icu.date || ours.weekday !== icu.weekday || ours.minutes !== icu.minutes || dayMismatch)
          mismatches.push(`${zone} at ${new Date(at).toISOString()}: ${JSON.stringify(ours)} but ICU ${JSON.stringify(icu)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('knows every zone name ICU knows, aliases, and any case; nothing else', () => {
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !isValidTimeZone(zone))).toEqual([]);
    for (const name of ['UTC', 'Etc/GMT+5', 'US/Eastern', 'Asia/Calcutta', 'europe/berlin', 'AMERICA/NEW_YORK'])
      expect(isValidTimeZone(name)).toBe(true);
    for (const name of ['', ' ', 'Mars/Olympus_Mons', 'Europe/Berlin ', 'CET+1']) expect(isValidTimeZone(name)).toBe(false);
    expect(timeZoneNames()).toContain('Europe/Amsterdam');
    expect(timeZoneRulesVersion()).toMatch(/^20\d\d[a-z]$/);
  });

  it('reads an alias as the zone it points to', () => {
    const at = Date.UTC(2025, 6, 1, 12);
    expect(utcOffsetMinutes(at, 'Asia/Calcutta')).toBe(330);
    expect(utcOffsetMinutes(at, 'US/Eastern')).toBe(utcOffsetMinutes(at, 'America/New_York'));
    expect(utcOffsetMinutes(at, 'America/New_York')).toBe(-240);
  });

  it('reads every zone at once, as the reminder check does each minute, each as ICU does', () => {
    const instants = [Date.UTC(2000, 0, 1), Date.UTC(2025, 2, 30, 0, 59), Date.UTC(2025, 2, 30, 1), Date.UTC(2025, 9, 26, 1), Date.UTC(2037, 5, 1)];
    // Interleaved: every zone at one instant, then every zone at the next.
    const interleaved = instants.map((at) => timeZoneNames().map((zone) => utcOffsetMinutes(at, zone)));
    // Europe/Tiraspol is another name for Moldova's zone.
    const oneZoneAtATime = timeZoneNames().map((zone) => instants.map((at) => icuWallClock(at, zone)));
    const mismatches = timeZoneNames().filter((zone, z) =>
      instants.some((at, i) => {
        const icu = oneZoneAtATime[z]![i]!;
        const ours = localTime(new Date(at), zone);
        return (
          ![newerRulesDiffer, 'Europe/Tiraspol'].includes(zone) &&
          at < until &&
          (ours.minutes !== icu.minutes || ours.date !== icu.date || interleaved[i]![z] === undefined)
        );
      }),
    );
    expect(mismatches).toEqual([]);
    expect(interleaved[1]![timeZoneNames().indexOf('Europe/Berlin')]).toBe(60);
    expect(interleaved[2]![timeZoneNames().indexOf('Europe/Berlin')]).toBe(120);
    expect(interleaved[3]![timeZoneNames().indexOf('Europe/Berlin')]).toBe(60);
  });

  it('keeps the rules of 2000 to 2100, reading an instant outside as the nearer end of them', () => {
    expect([rulesKept.from, rulesKept.until]).toEqual([Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)]);
    // Berlin in summer: daylight saving time within the years kept, winter time (in force at either end) outside.
    expect(utcOffsetMinutes(Date.UTC(2000, 6, 1), 'Europe/Berlin')).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(2099, 6, 1), 'Europe/Berlin')).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(1990, 6, 1), 'Europe/Berlin')).toBe(60);
    expect(utcOffsetMinutes(Date.UTC(2100, 6, 1), 'Europe/Berlin')).toBe(60);
    // A zone with no change in those years: Tokyo's last change was in 1951.
    expect(utcOffsetMinutes(Date.UTC(1960, 0, 1), 'Asia/Tokyo')).toBe(540);
    expect(utcOffsetMinutes(Date.UTC(2200, 0, 1), 'Asia/Tokyo')).toBe(540);
    // Zones whose rules differ within the years kept stay apart after their identical ones share a copy.
    expect(utcOffsetMinutes(Date.UTC(2025, 6, 1), 'Europe/Paris')).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(2025, 6, 1), 'Europe/London')).toBe(60);
    expect(utcOffsetMinutes(Date.UTC(2025, 6, 1), 'Africa/Casablanca')).toBe(60);
  });

  it('offers regional zone names in autocomplete, UTC first, and leaves legacy aliases out', () => {
    expect(searchTimeZones('')[0]).toBe('UTC');
    expect(searchTimeZones('amster')).toEqual(['Europe/Amsterdam']);
    expect(searchTimeZones('new york')).toContain('America/New_York');
    expect(searchTimeZones('eastern')).not.toContain('US/Eastern');
  });
});
