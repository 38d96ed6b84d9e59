import type { Course, Lesson, Part } from '../course/course.ts';
import type { Completions } from '../progress/completions.ts';
import { lastStudiedAt, progressStats } from '../progress/stats.ts';
import type { RecapWeek } from '../progress/recap-week.ts';

export interface RecapLearner {
  userId: string;
  completions: Completions;
  /** False for a learner who left the leaderboard (/me): counted, never named. */
  named: boolean;
}

export interface WeeklyRecap {
  week: RecapWeek;
  /** The lessons of the day posted that week, in order, and how many of the server's learners have done each. */
  lessons: { lesson: Lesson; doneBy: number }[];
  /** Named learners whose last lesson of a part fell in the week. */
  partsFinished: { userId: string; part: Part }[];
  /** The named learners who completed the most lessons that week, most first (at most `mostActiveShown`). */
  mostActive: { userId: string; lessons: number }[];
  learners: number;
  studiedThisWeek: number;
  /** The learners' mean share of the course, in whole percent rounded down. */
  averagePercent: number;
  finishedCourse: number;
}

export const mostActiveShown = 5;

/** The week's facts from what the store holds: a completion belongs to the week when it falls in the week's span of time. */
export function weeklyRecap(course: Course, week: RecapWeek, postedLessonIds: readonly string[], learners: readonly RecapLearner[]): WeeklyRecap {
  const inWeek = (at: Date | undefined) => at !== undefined && at >= week.from && at < week.until;
  const posted = [...new Set(postedLessonIds)].flatMap((id) => course.lessonById(id) ?? []);
  const active = learners.map((learner) => ({ learner, lessons: [...learner.completions.values()].filter(inWeek).length }));
  const done = learners.map(({ completions }) => progressStats(course, completions).overall);
  const totalDone = done.reduce((sum, tally) => sum + tally.done, 0);
  const partsFinished = learners
    .filter(({ named }) => named)
    .flatMap(({ userId, completions }) =>
      course.parts
        .filter((part) => part.lessons.every((lesson) => completions.has(lesson.id)) && inWeek(lastStudiedAt(partCompletions(part, completions))))
        .map((part) => ({ userId, part })),
    );
  return {
    week,
    lessons: posted.map((lesson) => ({ lesson, doneBy: learners.filter(({ completions }) => completions.has(lesson.id)).length })),
    partsFinished,
    mostActive: active
      .filter(({ learner, lessons }) => learner.named && lessons > 0)
      .sort((a, b) => b.lessons - a.lessons)
      .slice(0, mostActiveShown)
      .map(({ learner, lessons }) => ({ userId: learner.userId, lessons })),
    learners: learners.length,
    studiedThisWeek: active.filter(({ lessons }) => lessons > 0).length,
    averagePercent: learners.length === 0 ? 0 : Math.floor((totalDone * 100) / (learners.length * course.lessons.length)),
    finishedCourse: done.filter((tally) => tally.done === tally.total).length,
  };
}

function partCompletions(part: Part, completions: Completions): Completions {
  return new Map(part.lessons.map((lesson) => [lesson.id, completions.get(lesson.id)!]));
}

/** A week in which no lesson was posted and nobody studied: no recap is posted. */
export function isQuietWeek(recap: WeeklyRecap): boolean {
  return recap.lessons.length === 0 && recap.studiedThisWeek === 0;
}
