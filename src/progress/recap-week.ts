import { addDays, dayNumber, localTime, minutesOf } from '../util/time.ts';
import type { RecapConfig } from '../store/recap-values.ts';

/** One week's recap: its ISO week (the claim's name), the local date it is posted on, and the seven local dates it covers. */
export interface RecapWeek {
  week: string;
  date: string;
  /** The six days before `date`, and `date`, oldest first. */
  dates: string[];
}

/** The ISO 8601 week of a calendar date, such as 2026-W20: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const day = dayNumber(date);
  const weekday = (new Date(day * 86_400_000).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date((day - weekday + 3) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((dayNumber(thursday.toISOString().slice(0, 10)) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The recap due at `now`, or undefined: on the recap's weekday once the wall clock in the zone has
 * reached its time (wall-clock minutes, so a DST gap day posts at the first minute after the gap).
 * Claimed by ISO week, so moving the recap to a later day of a week already recapped posts nothing more that week.
 */
export function dueRecapWeek(recap: RecapConfig, timeZone: string, now: Date): RecapWeek | undefined {
  const local = localTime(now, timeZone);
  if (local.weekday !== recap.weekday || local.minutes < minutesOf(recap.time)) return undefined;
  return { week: isoWeek(local.date), date: local.date, dates: Array.from({ length: 7 }, (_, i) => addDays(local.date, i - 6)) };
}
