import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import { lessonPosition } from './lesson-embed.ts';
import { partColour } from '../ui/colours.ts';
import { truncate } from '../util/truncate.ts';
import { button, buttonRow } from '../ui/components.ts';
import { courseOverviewEmbed } from './course-overview.ts';
import type { Payload } from '../ui/reply.ts';

/** The lesson of the day: summary, practice task, one self-check question, and two buttons. */
export function lessonOfTheDayMessage(course: Course, lesson: Lesson, date: string): Payload {
  const question = lesson.selfCheck[0] ?? '';
  const embed: APIEmbed = {
    color: partColour(lesson.part.index),
    author: { name: truncate(`Lesson of the day · ${date} · ${lessonPosition(course, lesson)}`, 256) },
    title: truncate(lesson.title, 256),
    description: truncate(lesson.summary, 4096),
    fields: [
      { name: 'Practice', value: truncate(lesson.practice, 1024) },
      { name: 'Check yourself', value: truncate(question, 1024) },
    ],
  };
  const buttons = buttonRow(
    button(buildButtonId({ action: 'studied', lessonId: lesson.id }), 'Studied it', ButtonStyle.Success, { emoji: '✅' }),
    button(buildButtonId({ action: 'full', lessonId: lesson.id }), 'Open the full lesson', ButtonStyle.Secondary),
    button(buildButtonId({ action: 'quiz', lessonId: lesson.id }), 'Quiz', ButtonStyle.Primary, { emoji: '📝' }),
  );
  return { embeds: [embed], components: [buttons] };
}

/** Posted the day after the last lesson: the course is done; the schedule pauses until an admin jumps. */
export function courseFinishedMessage(course: Course): Payload {
  return {
    content: `🎓 That was the last lesson: the group has been through all of ${course.title}! The lesson of the day pauses here. An admin can start a new round with /schedule jump and /schedule resume.`,
    embeds: [courseOverviewEmbed(course)],
  };
}

/** "Linux · 2026-05-11", within a thread name's 100 characters. */
export function discussionThreadName(lesson: Lesson, date: string): string {
  return `${truncate(lesson.title, 100 - date.length - 3)} · ${date}`;
}
