import { addDays, instantOfLocalTime, localTime, minutesOf } from '../util/time.ts';
import type { RecapConfig } from '../store/recap-values.ts';

/** One week's recap: its ISO week (the claim's name), the local date it is due, and the span of time it covers. */
export interface RecapWeek {
  week: string;
  date: string;
  /** From the recap's time a week before, up to its time on `date`: each moment falls in exactly one week's recap. */
  from: Date;
  until: Date;
  /** The local dates the span touches, oldest first (whose daily posts may fall in it). */
  dates: string[];
}

/** The ISO 8601 week of a calendar date, such as 2026-W20: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const thursday = new Date(Date.UTC(year, month - 1, day));
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - firstOfYear) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The recap due at `now`, or undefined: on the recap's weekday once the wall clock in the zone has
 * reached its time (wall-clock minutes, so a DST gap day posts at the first minute after the gap).
 * Claimed by ISO week, so moving the recap to a later day of a week already recapped posts nothing more that week.
 */
export function dueRecapWeek(recap: RecapConfig, timeZone: string, now: Date): RecapWeek | undefined {
  const local = localTime(now, timeZone);
  const minutes = minutesOf(recap.time);
  if (local.weekday !== recap.weekday || local.minutes < minutes) return undefined;
  return {
    week: isoWeek(local.date),
    date: local.date,
    from: instantOfLocalTime(addDays(local.date, -7), minutes, timeZone),
    until: instantOfLocalTime(local.date, minutes, timeZone),
    dates: Array.from({ length: 8 }, (_, i) => addDays(local.date, i - 7)),
  };
}
