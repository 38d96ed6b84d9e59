import type { Course } from '../course/course.ts';
import { getCompletions } from '../progress/completions.ts';
import { lastStudiedAt, progressStats } from '../progress/stats.ts';
import { currentStreak } from '../progress/streak.ts';
import { allQuestionIds } from '../progress/review-queue.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { ExportRow } from '../progress/export-row.ts';
import { ownOrServerZone } from './learner-today.ts';
import { forEachLearner } from './each-learner.ts';

/** Every learner on the server's roster (those off the leaderboard too: the export is the organisers'), in roster order. */
export async function serverExport(store: StudyStore, course: Course, guildId: string, now: Date, serverTimeZone: string): Promise<ExportRow[]> {
  const questions = allQuestionIds(course);
  return forEachLearner(store, guildId, async (userId, settings): Promise<ExportRow> => {
    const [completions, reviews] = await Promise.all([getCompletions(store, course, userId), store.quiz.getReviews(userId, questions)]);
    return {
      userId,
      lessonIds: course.lessons.filter((lesson) => completions.has(lesson.id)).map((lesson) => lesson.id),
      percent: progressStats(course, completions).overall.percent,
      streak: currentStreak(completions.values(), now, ownOrServerZone(settings, serverTimeZone)),
      quizKnown: [...reviews.values()].filter((review) => review.right).length,
      quizTotal: questions.length,
      lastStudied: lastStudiedAt(completions),
    };
  });
}
