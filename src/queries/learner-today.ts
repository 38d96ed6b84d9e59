import type { EffectiveSchedule, LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import { localDate } from '../util/time.ts';

/** A server's time zone: its schedule's, else the default. */
export const scheduleTimeZone = (schedule: EffectiveSchedule | undefined, defaultTimeZone: string) => schedule?.config.timeZone ?? defaultTimeZone;

/**
 * The time zone of a learner's "today" (streaks, reviews due): the server's schedule zone where
 * they are in a server, else the default (in DMs). A later issue gives learners their own.
 */
export async function learnerTimeZone(lessonOfTheDay: LessonOfTheDay, defaultTimeZone: string, guildId: string | null): Promise<string> {
  if (!guildId) return defaultTimeZone;
  return scheduleTimeZone(await lessonOfTheDay.scheduleOf(guildId), defaultTimeZone);
}

/** The learner's local date now and its time zone. */
export async function learnerToday(lessonOfTheDay: LessonOfTheDay, defaultTimeZone: string, guildId: string | null, now: Date) {
  const timeZone = await learnerTimeZone(lessonOfTheDay, defaultTimeZone, guildId);
  return { timeZone, today: localDate(now, timeZone) };
}
