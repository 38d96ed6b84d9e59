import type { Course, Lesson } from '../course/course.ts';
import type { LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';
import { localTime } from '../util/time.ts';
import { scheduleTimeZone } from './learner-today.ts';

export interface ServerDay {
  /** The server's time zone: its schedule's, else the default. */
  timeZone: string;
  /** The lesson posted there today, if any. */
  todaysLesson?: Lesson;
}

/** The server's day: its time zone and the lesson of the day posted there today. */
export async function serverDay(
  lessonOfTheDay: LessonOfTheDay,
  schedules: ScheduleStore,
  course: Course,
  now: Date,
  defaultTimeZone: string,
  guildId: string,
): Promise<ServerDay> {
  const schedule = await lessonOfTheDay.scheduleOf(guildId);
  const timeZone = scheduleTimeZone(schedule, defaultTimeZone);
  if (!schedule) return { timeZone };
  const post = await schedules.getPost(guildId, localTime(now, timeZone).date);
  const todaysLesson = post?.state === 'sent' && post.lessonId ? course.lessonById(post.lessonId) : undefined;
  return { timeZone, todaysLesson };
}
