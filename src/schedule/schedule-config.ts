import { z } from 'zod';
import { isValidTimeZone } from '../util/time-zone.ts';

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00 or 18:30');
export const everyDay = [0, 1, 2, 3, 4, 5, 6];
export const weekdaysOnly = [1, 2, 3, 4, 5];

/** A server's lesson-of-the-day schedule, as /schedule set stores it. */
export const scheduleConfig = z.object({
  channelId: z.string().regex(/^\d{17,20}$/),
  time: timeOfDay,
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
  /** Days of the week (0 = Sunday) on which a lesson is posted. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  paused: z.boolean(),
});

export type ScheduleConfig = z.infer<typeof scheduleConfig>;

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function describeDays(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return 'every day';
  if (weekdays.join() === weekdaysOnly.join()) return 'weekdays';
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return weekdays.map((day) => names[day]).join(', ');
}
