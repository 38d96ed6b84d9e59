import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Course } from '../course/course.ts';
import { partColour } from '../ui/colours.ts';
import { nextLesson, type Completions } from '../progress/completions.ts';
import { lastStudiedAt, progressStats, type Tally } from '../progress/stats.ts';
import { currentStreak } from '../progress/streak.ts';
import { passed } from '../progress/quiz.ts';
import type { QuizStanding } from '../progress/quiz-standing.ts';
import { truncate } from '../util/truncate.ts';
import { progressBar } from './progress-bar.ts';

const tallyLine = ({ done, total, percent }: Tally) => `${progressBar(done, total)} ${done}/${total} (${percent}%)`;
const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);

/** The learner's own quiz results: best scores, mastery per part, reviews due. */
function quizFields(course: Course, quiz: QuizStanding) {
  const scores = course.lessons.flatMap((lesson) => {
    const best = quiz.best.get(lesson.id);
    return best ? [`${passed(best) ? '✅' : '▫️'} ${lesson.title} ${best.score}/${best.of}`] : [];
  });
  const passedCount = [...quiz.best.values()].filter(passed).length;
  const mastery = quiz.mastery.map(({ part, known, total }) => `${part.title}: ${known}/${total}`);
  return [
    {
      name: `Quizzes passed: ${passedCount}/${course.lessons.length}`,
      value: truncate(scores.join('\n') || 'No quiz taken yet: try `/quiz`.', 1024),
    },
    { name: 'Quiz mastery (right at last answer)', value: truncate(mastery.join(' · '), 1024), inline: true },
    { name: 'Reviews due', value: quiz.dueNow > 0 ? `${quiz.dueNow} now: \`/review\`` : 'None now', inline: true },
  ];
}

/** A learner's progress per part and overall, streak, last study time, next lesson and (for their own) quiz results. */
export function progressEmbed(
  course: Course,
  learnerName: string,
  completions: Completions,
  now: Date,
  timeZone: string,
  quiz?: QuizStanding,
): APIEmbed {
  const stats = progressStats(course, completions);
  const streak = currentStreak(completions.values(), now, timeZone);
  const last = lastStudiedAt(completions);
  const next = nextLesson(course, completions);
  const firstUnfinished = stats.parts.find(({ tally }) => tally.done < tally.total)?.part.index ?? 0;
  return {
    color: partColour(firstUnfinished),
    title: truncate(`${learnerName}: ${course.title} progress`, 256),
    fields: [
      ...stats.parts.slice(0, 20).map(({ part, tally }) => ({ name: truncate(part.title, 256), value: tallyLine(tally) })),
      { name: 'Whole course', value: tallyLine(stats.overall) },
      { name: 'Streak', value: streak > 0 ? `🔥 ${days(streak)}` : 'No streak yet', inline: true },
      { name: 'Last studied', value: last ? time(last, TimestampStyles.RelativeTime) : 'Not yet', inline: true },
      { name: 'Next lesson', value: next ? truncate(`${next.title} (${next.part.title})`, 1024) : '🎓 Every lesson is done!' },
      ...(quiz ? quizFields(course, quiz) : []),
    ],
  };
}
