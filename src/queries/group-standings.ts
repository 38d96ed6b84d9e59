import type { Course } from '../course/course.ts';
import { getCompletions } from '../progress/completions.ts';
import { rankStandings, type Standing } from '../progress/standings.ts';
import { lastStudiedAt, progressStats } from '../progress/stats.ts';
import { currentStreak } from '../progress/streak.ts';
import { paceOf, type GroupPosition } from '../progress/pace.ts';
import type { StudyStore } from '../store/study-store.ts';
import { ownOrServerZone } from './learner-today.ts';

/**
 * Every learner on the server's roster who has not left the leaderboard (/me), ranked by lessons
 * completed, then streak (in each learner's own time zone, else the server's), then who got there first;
 * with each one's pace against the group when the server has a lesson of the day (`position`).
 */
export async function groupStandings(
  store: StudyStore,
  course: Course,
  guildId: string,
  now: Date,
  timeZone: string,
  todaysLessonId?: string,
  position?: GroupPosition,
): Promise<Standing[]> {
  const roster = await store.listLearners(guildId);
  const settings = await store.learners.getSettings(roster);
  const learners = roster.flatMap((userId, i) => (settings[i]!.hiddenFromLeaderboard ? [] : [{ userId, settings: settings[i]! }]));
  const rows = await Promise.all(
    learners.map(async ({ userId, settings }) => {
      const completions = await getCompletions(store, course, userId);
      const { overall } = progressStats(course, completions);
      const studiedToday = todaysLessonId !== undefined && completions.has(todaysLessonId);
      const lastStudied = lastStudiedAt(completions)?.getTime() ?? Number.POSITIVE_INFINITY;
      return {
        userId,
        done: overall.done,
        percent: overall.percent,
        streak: currentStreak(completions.values(), now, ownOrServerZone(settings, timeZone)),
        studiedToday,
        ...(position ? { pace: paceOf(course, completions, position) } : {}),
        lastStudiedAt: lastStudied,
      };
    }),
  );
  return rankStandings(rows);
}
