import { localTime } from '../util/time.ts';

export interface DueTimes {
  /** The local date and weekday (0 = Sunday) of the minute. */
  date: string;
  weekday: number;
  /** The local times (HHMM) whose reminders are due in this minute. */
  hhmms: string[];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;

/**
 * The local times due at the minute that starts at `instant` in the zone: the wall-clock minute
 * itself, and on the day clocks go forward every minute the gap skipped as well, so a reminder set
 * inside the gap comes at the first minute after it. On the day clocks go back, a repeated
 * minute is due twice; the claim per local date keeps its reminder to one.
 */
export function dueTimes(instant: Date, timeZone: string): DueTimes {
  const now = localTime(instant, timeZone);
  const before = localTime(new Date(instant.getTime() - 60_000), timeZone);
  const from = before.date === now.date ? before.minutes + 1 : 0;
  const first = from < now.minutes ? from : now.minutes;
  const hhmms = Array.from({ length: now.minutes - first + 1 }, (_, i) => hhmm(first + i));
  return { date: now.date, weekday: now.weekday, hhmms };
}
