import type { Course, Lesson } from '../course/course.ts';
import { nextLesson, type Completions } from '../progress/completions.ts';
import type { Pace } from '../progress/pace.ts';
import type { QuizStanding } from '../progress/quiz-standing.ts';
import { progressStats, type ProgressStats } from '../progress/stats.ts';
import { streakOf, type Streak } from '../progress/streak.ts';
import { calendarGrid, type CalendarDay } from './study-calendar.ts';

/** Whose progress /progress shows, and what it is worked out from; the embed and the card take the same. */
export interface ProgressSubject {
  course: Course;
  learnerName: string;
  completions: Completions;
  now: Date;
  /** The zone the learner's days are counted in (theirs, else the server's, else the default). */
  timeZone: string;
  /** Only on the learner's own /progress. */
  quiz?: QuizStanding | undefined;
  /** Against this server's group, when it has a lesson of the day (not in DMs). */
  pace?: Pace | undefined;
  /** The latest correction of this progress by an organiser, and whether it was made in the server looking. */
  adjusted?: { at: Date; here: boolean } | undefined;
}

/** What the embed and the card both show, worked out once for a /progress. */
export interface ProgressFigures {
  stats: ProgressStats;
  streak: Streak;
  /** The last 12 weeks (see `calendarGrid`). */
  calendar: CalendarDay[][];
  next: Lesson | undefined;
}

export function progressFigures({ course, completions, now, timeZone }: ProgressSubject): ProgressFigures {
  const streak = streakOf(completions.values(), now, timeZone);
  return { stats: progressStats(course, completions), streak, calendar: calendarGrid(streak), next: nextLesson(course, completions) };
}
