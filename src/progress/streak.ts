import { dayNumber, localDate } from '../util/time.ts';

/**
 * Consecutive local calendar days with at least one completion, ending today — or yesterday,
 * since a streak is still alive until a day passes without study. Days are counted as
 * calendar dates in `timeZone`, so a 23- or 25-hour DST day is still one day.
 */
export function currentStreak(completionTimes: Iterable<Date>, now: Date, timeZone: string): number {
  const studiedDays = new Set<number>();
  for (const at of completionTimes) studiedDays.add(dayNumber(localDate(at, timeZone)));
  const today = dayNumber(localDate(now, timeZone));
  let day = studiedDays.has(today) ? today : today - 1;
  let streak = 0;
  while (studiedDays.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
