import type { EffectiveSchedule, LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import type { LearnerStore } from '../store/learner-store.ts';
import type { LearnerSettings } from '../store/values.ts';
import { localDate } from '../util/time.ts';

/** A server's time zone: its schedule's, else the default. */
export const scheduleTimeZone = (schedule: EffectiveSchedule | undefined, defaultTimeZone: string) => schedule?.config.timeZone ?? defaultTimeZone;

/** What a learner's day depends on: their own settings, the server's schedule and STUDY_TIMEZONE (a handler's context has them). */
export interface LearnerClockSources {
  store: { learners: LearnerStore };
  lessonOfTheDay: LessonOfTheDay;
  defaultTimeZone: string;
}

/** The zone of a learner's day when their settings are known: their own, else the server's, else the default. */
export const ownOrServerZone = (settings: LearnerSettings, serverTimeZone: string) => settings.timeZone ?? serverTimeZone;

/**
 * The time zone of a learner's "today" (streaks, studied today, reviews due): the learner's own,
 * else the schedule zone of the server they are in, else the default (in DMs).
 */
export async function learnerTimeZone(sources: LearnerClockSources, userId: string, guildId: string | null): Promise<string> {
  const [[settings], schedule] = await Promise.all([
    sources.store.learners.getSettings([userId]),
    guildId ? sources.lessonOfTheDay.scheduleOf(guildId) : undefined,
  ]);
  return ownOrServerZone(settings ?? {}, scheduleTimeZone(schedule, sources.defaultTimeZone));
}

/** The learner's local date now and its time zone. */
export async function learnerToday(sources: LearnerClockSources, userId: string, guildId: string | null, now: Date) {
  const timeZone = await learnerTimeZone(sources, userId, guildId);
  return { timeZone, today: localDate(now, timeZone) };
}
