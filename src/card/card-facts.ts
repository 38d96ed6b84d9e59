import type { Tally } from '../progress/stats.ts';
import { maxFreezes } from '../progress/streak.ts';
import { partColour } from '../ui/colours.ts';
import { progressFigures, type ProgressFigures, type ProgressSubject } from '../views/progress-figures.ts';
import type { CalendarDay } from '../views/study-calendar.ts';

/** Everything the progress card shows, worked out from the same inputs as the /progress embed. */
export interface ProgressCardFacts {
  learnerName: string;
  courseTitle: string;
  /** The next lesson's title, or undefined when every lesson is done. */
  nextLesson: string | undefined;
  overall: Tally;
  parts: { title: string; colour: number; tally: Tally }[];
  streak: { days: number; freezes: number; maxFreezes: number };
  /** 12 weeks of Monday-to-Sunday days, the current week last (as the embed's calendar). */
  calendar: CalendarDay[][];
  /** Only on the learner's own /progress: questions right at their last answer, and reviews due. */
  quiz?: { known: number; total: number; reviewsDue: number };
}

export function progressCardFacts(subject: ProgressSubject, figures: ProgressFigures = progressFigures(subject)): ProgressCardFacts {
  const { course, learnerName, quiz } = subject;
  const { stats, streak, calendar, next } = figures;
  const facts: ProgressCardFacts = {
    learnerName,
    courseTitle: course.title,
    nextLesson: next?.title,
    overall: stats.overall,
    parts: stats.parts.map(({ part, tally }) => ({ title: part.title, colour: partColour(part.index), tally })),
    streak: { days: streak.days, freezes: streak.freezes, maxFreezes },
    calendar,
  };
  if (quiz) {
    const known = quiz.mastery.reduce((sum, part) => sum + part.known, 0);
    const total = quiz.mastery.reduce((sum, part) => sum + part.total, 0);
    facts.quiz = { known, total, reviewsDue: quiz.dueNow };
  }
  return facts;
}
