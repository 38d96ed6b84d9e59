import { localTime } from './local-time.ts';

/** The calendar date (YYYY-MM-DD) at `instant` in the IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).date;
}

/** Days since 1970-01-01 for a calendar date: whole calendar days, whatever a day's length in hours. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
