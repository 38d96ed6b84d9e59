import { time, TimestampStyles, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Course } from '../course/course.ts';
import { partColour } from '../ui/colours.ts';
import { lastStudiedAt, type Tally } from '../progress/stats.ts';
import { maxFreezes, type Streak } from '../progress/streak.ts';
import { passed } from '../progress/quiz.ts';
import type { QuizStanding } from '../progress/quiz-standing.ts';
import type { Pace } from '../progress/pace.ts';
import { truncate } from '../util/truncate.ts';
import { progressBar } from './progress-bar.ts';
import { calendarText, calendarWeeks, type CalendarDay } from './study-calendar.ts';
import { progressFigures, type ProgressFigures, type ProgressSubject } from './progress-figures.ts';

export type { ProgressSubject } from './progress-figures.ts';

const tallyLine = ({ done, total, percent }: Tally) => `${progressBar(done, total)} ${done}/${total} (${percent}%)`;
const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);
const maxFields = 25;

function streakFields(streak: Streak, calendar: CalendarDay[][]): [APIEmbedField, APIEmbedField] {
  const freezes = `🧊 ${streak.freezes}/${maxFreezes} freezes`;
  const { grid, summary } = calendarText(calendar);
  return [
    { name: 'Streak', value: `${streak.days > 0 ? `🔥 ${days(streak.days)}` : 'No streak yet'} · ${freezes}`, inline: true },
    { name: `Last ${calendarWeeks} weeks`, value: `${grid}\n🟩 studied · 🧊 kept by a freeze · ⬛ missed · ⬜ today, not yet\n${summary}` },
  ];
}

/** The learner's own quiz results: best scores, mastery per part, reviews due. */
function quizFields(course: Course, quiz: QuizStanding) {
  const scores = course.lessons.flatMap((lesson) => {
    const best = quiz.best.get(lesson.id);
    return best ? [`${passed(best) ? '✅' : '▫️'} ${lesson.title} ${best.score}/${best.of}`] : [];
  });
  const passedCount = [...quiz.best.values()].filter(passed).length;
  const known = quiz.mastery.reduce((sum, part) => sum + part.known, 0);
  const total = quiz.mastery.reduce((sum, part) => sum + part.total, 0);
  const mastery = [`${known}/${total} in all`, ...quiz.mastery.map(({ part, known, total }) => `${part.title}: ${known}/${total}`)];
  return [
    {
      name: `Quizzes passed: ${passedCount}/${course.lessons.length}`,
      value: truncate(scores.join('\n') || 'No quiz taken yet: try `/quiz`.', 1024),
    },
    { name: 'Quiz mastery (right at last answer)', value: truncate(mastery.join(' · '), 1024), inline: true },
    { name: 'Reviews due', value: quiz.dueNow > 0 ? `${quiz.dueNow} now: \`/review\`` : 'None now', inline: true },
  ];
}

const lessons = (count: number) => (count === 1 ? '1 lesson' : `${count} lessons`);
const paceText = (pace: Pace) =>
  pace.kind === 'on pace' ? 'On pace with the group' : `${lessons(pace.lessons)} ${pace.kind === 'behind' ? 'behind' : 'ahead of'} the group`;

/** A learner's progress per part and overall, streak and freezes, last study time, next lesson, the last 12 weeks and (for their own) quiz results. */
export function progressEmbed(subject: ProgressSubject, figures: ProgressFigures = progressFigures(subject)): APIEmbed {
  const { course, learnerName, completions, quiz, pace, adjusted } = subject;
  const { stats, streak, calendar, next } = figures;
  const last = lastStudiedAt(completions);
  const firstUnfinished = stats.parts.find(({ tally }) => tally.done < tally.total)?.part.index ?? 0;
  const [streakField, calendarField] = streakFields(streak, calendar);
  const rest = [
    { name: 'Whole course', value: tallyLine(stats.overall) },
    ...(pace ? [{ name: 'Pace', value: paceText(pace), inline: true }] : []),
    streakField,
    { name: 'Last studied', value: last ? time(last, TimestampStyles.RelativeTime) : 'Not yet', inline: true },
    { name: 'Next lesson', value: next ? truncate(`${next.title} (${next.part.title})`, 1024) : '🎓 Every lesson is done!' },
    calendarField,
    ...(quiz ? quizFields(course, quiz) : []),
    ...(adjusted
      ? [
          {
            name: 'Adjusted',
            value: `📝 An organiser ${adjusted.here ? 'of this server' : 'of another server'} corrected this progress ${time(adjusted.at, TimestampStyles.RelativeTime)}.`,
          },
        ]
      : []),
  ];
  // A course of very many parts shows its first ones: an embed holds at most 25 fields.
  const parts = stats.parts.slice(0, maxFields - rest.length);
  return {
    color: partColour(firstUnfinished),
    title: truncate(`${learnerName}: ${course.title} progress`, 256),
    fields: [...parts.map(({ part, tally }) => ({ name: truncate(part.title, 256), value: tallyLine(tally) })), ...rest],
  };
}
