import { time, TimestampStyles } from 'discord.js';
import type { Lesson } from '../course/course.ts';
import type { Payload } from '../ui/reply.ts';

export interface ReminderFacts {
  next?: Lesson;
  reviewsDue: number;
  streakDays: number;
  freezes: number;
  /** When the learner's study day ends. */
  dayEnds: Date;
}

const reviewsLine = (due: number) => (due === 0 ? '' : `\n🔁 ${due === 1 ? '1 review is' : `${due} reviews are`} due: \`/review\`.`);
const nextLine = (next: Lesson | undefined) =>
  next ? `📘 Your next lesson: **${next.title}** (${next.part.title}). \`/lesson\` opens it.` : '🎓 Every lesson is done: `/review` keeps it fresh.';
const footer = '\n-# You asked for this reminder; `/me reminders:False` stops it.';

/** The daily reminder DM: today's next lesson and the reviews due. */
export function dailyReminder(facts: ReminderFacts): Payload {
  const streak = facts.streakDays > 0 ? ` Your streak is ${facts.streakDays} ${facts.streakDays === 1 ? 'day' : 'days'}.` : '';
  return { content: `⏰ Time to study.${streak}\n${nextLine(facts.next)}${reviewsLine(facts.reviewsDue)}${footer}` };
}

/** The "streak at risk" DM, hours before the learner's local midnight. */
export function streakWarning(facts: ReminderFacts): Payload {
  const ends = `${time(facts.dayEnds, TimestampStyles.ShortTime)} (${time(facts.dayEnds, TimestampStyles.RelativeTime)})`;
  const freeze = facts.freezes > 0 ? ` If you miss it, one of your ${facts.freezes} freezes keeps the streak.` : '';
  return {
    content: `🔥 Your ${facts.streakDays}-day streak is at risk: today ends ${ends} and you have not studied yet.${freeze}\n${nextLine(facts.next)}${reviewsLine(facts.reviewsDue)}\n-# You asked for this warning; \`/me streak-warning:0\` stops it.`,
  };
}
