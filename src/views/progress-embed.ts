import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Course } from '../course/course.ts';
import { partColour } from '../ui/colours.ts';
import { nextLesson, type Completions } from '../progress/completions.ts';
import { lastStudiedAt, progressStats, type Tally } from '../progress/stats.ts';
import { currentStreak } from '../progress/streak.ts';
import { truncate } from '../util/truncate.ts';
import { progressBar } from './progress-bar.ts';

const tallyLine = ({ done, total, percent }: Tally) => `${progressBar(done, total)} ${done}/${total} (${percent}%)`;
const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);

/** A learner's progress per part and overall, streak, last study time and next lesson. */
export function progressEmbed(course: Course, learnerName: string, completions: Completions, now: Date, timeZone: string): APIEmbed {
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
    ],
  };
}
