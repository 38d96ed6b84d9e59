// The progress card pictured in the README, drawn from fixed facts by the bot's own code.
// `npx tsx test/support/readme-card.ts` redraws .github/readme/progress-card.png; a unit test checks that it is up to date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { progressCardFacts } from '../../src/card/card-facts.ts';
import { drawProgressCard } from '../../src/card/progress-card.ts';
import { loadCourse } from '../../src/course/load-course.ts';
import type { QuizStanding } from '../../src/progress/quiz-standing.ts';

export const readmeCardFile = fileURLToPath(new URL('../../.github/readme/progress-card.png', import.meta.url));

/** Ada did a lesson a day for 7 days (a freeze earned), missed one (the freeze used), then did 7 more (another earned); today she has not studied yet. */
export function readmeCard(): Buffer {
  const course = loadCourse();
  const studyDays = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14];
  const completions = new Map(
    course.lessons.slice(0, studyDays.length).map((lesson, index) => [lesson.id, new Date(Date.UTC(2026, 5, 1 + studyDays[index]!, 17))]),
  );
  const now = new Date('2026-06-16T12:00:00Z');
  const quiz: QuizStanding = {
    best: new Map(),
    mastery: course.parts.map((part, index) => ({
      part,
      known: index === 0 ? 31 : 0,
      total: part.lessons.reduce((sum, lesson) => sum + lesson.quiz.length, 0),
    })),
    dueNow: 4,
  };
  return drawProgressCard(progressCardFacts({ course, learnerName: 'Ada Lovelace', completions, now, timeZone: 'Europe/Berlin', quiz }));
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(readmeCardFile, readmeCard());
