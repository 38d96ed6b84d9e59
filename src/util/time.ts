import { utcOffsetMinutes } from './time-zones.ts';

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday */
  weekday: number;
  /** Minutes since local midnight, as the wall clock shows them. */
  minutes: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall-clock date, weekday and time of `instant` in the IANA time zone (UTC for a zone the rules do not know). */
export function localTime(instant: Date, timeZone: string): Readonly<LocalTime> {
  const offset = utcOffsetMinutes(instant.getTime(), timeZone) ?? 0;
  // Shifted by the offset, the UTC fields of the instant read as the zone's wall clock.
  const wall = new Date(Math.floor(instant.getTime() / 60_000 + offset) * 60_000);
  return {
    date: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    weekday: wall.getUTCDay(),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** Days since 1970-01-01 of the wall-clock date of `instant` in the zone: `dayNumber(localDate(instant, timeZone))` without the text. */
export function localDayNumber(instant: Date, timeZone: string): number {
  const offset = utcOffsetMinutes(instant.getTime(), timeZone) ?? 0;
  return Math.floor(Math.floor(instant.getTime() / 60_000 + offset) / 1440);
}

/** Minutes since midnight of a 24-hour time, HH:MM. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** The calendar date (YYYY-MM-DD) at `instant` in the IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).date;
}

/** Days since 1970-01-01 for a calendar date: whole calendar days, whatever a day's length in hours. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** True when the IANA rules know the time zone name (for example "America/New_York"; case does not matter). */
export function isValidTimeZone(name: string): boolean {
  return name.trim() !== '' && utcOffsetMinutes(0, name) !== undefined;
}

/** The calendar date `days` after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The first instant of the local calendar date in the zone (its first minute that exists, on a day that starts in a DST gap). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const midnightAsUtc = dayNumber(date) * 86_400_000;
  let instant = midnightAsUtc - (utcOffsetMinutes(midnightAsUtc, timeZone) ?? 0) * 60_000;
  // Once more with the offset in force at that instant, for days whose offset changed overnight.
  instant = midnightAsUtc - (utcOffsetMinutes(instant, timeZone) ?? 0) * 60_000;
  // Then to the day's first minute: forward out of the day before (a gap), back over a repeated hour.
  while (localTime(new Date(instant), timeZone).date < date) instant += 60_000;
  for (let steps = 0; steps < 180 && localTime(new Date(instant - 60_000), timeZone).date === date; steps += 1) instant -= 60_000;
  return new Date(instant);
}

/** The instant the wall clock of the zone shows `minutes` after midnight on the local date (on a DST gap, the same length of time after midnight). */
export function instantOfLocalTime(date: string, minutes: number, timeZone: string): Date {
  const start = startOfLocalDate(date, timeZone);
  const guess = start.getTime() + minutes * 60_000;
  const shift = (utcOffsetMinutes(guess, timeZone) ?? 0) - (utcOffsetMinutes(start.getTime(), timeZone) ?? 0);
  const adjusted = guess - shift * 60_000;
  return new Date(localTime(new Date(adjusted), timeZone).minutes === minutes ? adjusted : guess);
}
