import { localTime, minutesOf } from '../util/time.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';

/** What decides when a post is due: a schedule's time, zone and days (the weekly recap's too). */
export type PostingTimes = Pick<ScheduleConfig, 'time' | 'timeZone' | 'weekdays' | 'paused'>;

/**
 * The local date whose post is due at `now`, or undefined. Due means: a posting day, and the
 * wall clock has reached the post time. Comparing wall-clock minutes rather than instants
 * is what makes DST right: on a gap day (02:30 does not exist) the first minute after the
 * gap is already past 02:30, and on an overlap day the first 01:30 posts while the claim on
 * the date stops the second one.
 */
export function dueDate(schedule: PostingTimes, now: Date): string | undefined {
  if (schedule.paused) return undefined;
  const local = localTime(now, schedule.timeZone);
  if (!schedule.weekdays.includes(local.weekday)) return undefined;
  return local.minutes >= minutesOf(schedule.time) ? local.date : undefined;
}

const minute = 60_000;

/**
 * The next instant at which a post becomes due after `now`, skipping `postedDate` (today's,
 * if already posted). Walks forward: an hour at a time to near the post time, then a minute
 * at a time, so DST gaps and overlaps land where `dueDate` would.
 */
export function nextPostTime(schedule: PostingTimes, now: Date, postedDate?: string): Date | undefined {
  if (schedule.paused) return undefined;
  const target = minutesOf(schedule.time);
  let at = new Date(Math.floor(now.getTime() / minute) * minute);
  const end = now.getTime() + 8 * 24 * 60 * minute;
  while (at.getTime() <= end) {
    const local = localTime(at, schedule.timeZone);
    const due = schedule.weekdays.includes(local.weekday) && local.minutes >= target && local.date !== postedDate;
    if (due) return at;
    const untilTarget = local.minutes < target ? target - local.minutes : 24 * 60 - local.minutes + target;
    at = new Date(at.getTime() + (untilTarget > 180 ? 60 * minute : minute));
  }
  return undefined;
}
