import type { Course } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import { getCompletions } from './completions.ts';
import { listRoster } from './roster.ts';
import { lastStudiedAt, progressStats } from './stats.ts';
import { currentStreak } from './streak.ts';

export interface Standing {
  userId: string;
  /** Competition rank: learners with equal lessons done share a rank (1, 2, 2, 4). */
  rank: number;
  done: number;
  percent: number;
  streak: number;
  /** Whether they have done the lesson of the day, when one was posted today. */
  studiedToday: boolean;
}

/** Every learner on the server's roster, ranked by lessons completed, then streak, then who got there first. */
export async function groupStandings(store: StudyStore, course: Course, guildId: string, now: Date, timeZone: string, todaysLessonId?: string): Promise<Standing[]> {
  const learners = await listRoster(store, guildId);
  const rows = await Promise.all(
    learners.map(async (userId) => {
      const completions = await getCompletions(store, course, userId);
      const { overall } = progressStats(course, completions);
      const last = lastStudiedAt(completions)?.getTime() ?? Number.POSITIVE_INFINITY;
      const studiedToday = todaysLessonId !== undefined && completions.has(todaysLessonId);
      return { userId, done: overall.done, percent: overall.percent, streak: currentStreak(completions.values(), now, timeZone), studiedToday, last };
    }),
  );
  rows.sort((a, b) => b.done - a.done || b.streak - a.streak || a.last - b.last || a.userId.localeCompare(b.userId));
  let rank = 0;
  return rows.map(({ last: _last, ...row }, i) => {
    if (i === 0 || rows[i - 1]!.done !== row.done) rank = i + 1;
    return { ...row, rank };
  });
}
