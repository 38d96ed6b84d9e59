import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Course } from '../course/course.ts';
import type { WeeklyRecap } from '../progress/recap-facts.ts';
import type { Payload } from '../ui/reply.ts';
import { truncate } from '../util/truncate.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Lines joined within a field's 1,024 characters: those that do not fit are counted, not cut. */
function listField(lines: string[], max = 1024): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max - 24) break; // room for "…and N more"
    kept.push(line);
    length += line.length + 1;
  }
  return [...kept, `…and ${lines.length - kept.length} more`].join('\n');
}

/** The weekly recap in the study channel. Learners are named by mention, which the message's allowed_mentions keeps from pinging. */
export function weeklyRecapMessage(course: Course, recap: WeeklyRecap): Payload {
  const { week, learners } = recap;
  const lessons = recap.lessons.map(
    ({ lesson, doneBy }) => `**${truncate(lesson.title, 150)}**: done by ${doneBy} of ${plural(learners, 'learner')}`,
  );
  const finished = recap.partsFinished.map(({ userId, part }) => `<@${userId}> finished ${truncate(part.title, 150)} 🎉`);
  const active = recap.mostActive.map(({ userId, lessons }, i) => `${i + 1}. <@${userId}>: ${plural(lessons, 'lesson')}`);
  const group = [
    `${plural(recap.studiedThisWeek, 'learner')} of ${learners} studied this week.`,
    `On average the group has done ${recap.averagePercent}% of ${truncate(course.title, 100)}${recap.finishedCourse > 0 ? `; ${plural(recap.finishedCourse, 'learner has', 'learners have')} finished it` : ''}.`,
  ];
  const embed: APIEmbed = {
    title: 'Week in review',
    description: `From ${time(week.from, TimestampStyles.LongDateShortTime)} to ${time(week.until, TimestampStyles.LongDateShortTime)}`,
    fields: [
      { name: 'Lessons of the day', value: lessons.length > 0 ? listField(lessons) : 'None posted this week.' },
      ...(finished.length > 0 ? [{ name: 'Finished a part', value: listField(finished) }] : []),
      { name: 'Most active', value: active.length > 0 ? active.join('\n') : 'Nobody on the leaderboard studied this week.' },
      { name: 'The group', value: group.join('\n') },
    ],
    footer: { text: 'Learners off the leaderboard (/me) are counted but not named.' },
  };
  return { embeds: [embed] };
}
