import type { Course, Lesson } from '../course/course.ts';
import { groupPosition, type GroupPosition } from '../progress/pace.ts';
import type { LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';
import { localTime } from '../util/time.ts';
import { scheduleTimeZone } from './learner-today.ts';

export interface ServerDay {
  /** The server's time zone: its schedule's, else the default. */
  timeZone: string;
  /** The lesson posted there today, if any. */
  todaysLesson?: Lesson;
  /** Where the group is in the course, when the server has a lesson of the day. */
  position?: GroupPosition;
}

/** The server's day: its time zone, the lesson of the day posted there today, and where the group is in the course. */
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
  const [post, pointer] = await Promise.all([schedules.getPost(guildId, localTime(now, timeZone).date), schedules.getPointer(guildId)]);
  const todaysLesson = post?.state === 'sent' && post.lessonId ? course.lessonById(post.lessonId) : undefined;
  return { timeZone, todaysLesson, position: groupPosition(course, pointer, todaysLesson) };
}
