import type { Course, Lesson } from '../course/course.ts';
import type { LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { Standing } from '../progress/standings.ts';
import { groupStandings } from './group-standings.ts';
import { serverDay } from './server-day.ts';

export interface GroupBoard {
  standings: Standing[];
  todaysLesson?: Lesson;
}

/** What the group view shows of a server: its standings, and today's lesson of the day when there is one. */
export async function groupBoard(
  store: StudyStore,
  course: Course,
  lessonOfTheDay: LessonOfTheDay,
  now: Date,
  defaultTimeZone: string,
  guildId: string,
): Promise<GroupBoard> {
  const { timeZone, todaysLesson, position } = await serverDay(lessonOfTheDay, store.schedules, course, now, defaultTimeZone, guildId);
  const standings = await groupStandings(store, course, guildId, now, timeZone, todaysLesson?.id, position);
  return { standings, todaysLesson };
}
