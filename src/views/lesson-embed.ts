import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { truncate } from '../util/truncate.ts';
import { partColour } from '../ui/colours.ts';
import { passed, type QuizBestValue } from '../progress/quiz.ts';

const bulleted = (items: string[]) => items.map((item) => `• ${item}`).join('\n');
const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

/** "MLOps1 · Lesson 3 of 18" */
export function lessonPosition(course: Course, lesson: Lesson): string {
  return `${lesson.part.title} · Lesson ${lesson.index + 1} of ${course.lessons.length}`;
}

function doneMark(completedAt: Date | undefined): string {
  return completedAt ? `✅ Done ${time(completedAt, TimestampStyles.RelativeTime)}` : '⬜ Not done yet';
}

function quizMark(best: QuizBestValue | undefined): string {
  if (!best) return '📝 Quiz not taken yet';
  return `📝 Quiz best: ${best.score}/${best.of}${passed(best) ? ' (passed)' : ' (80 % passes)'}`;
}

/**
 * The full lesson: title, part and position, the viewer's done mark, summary, key topics,
 * practice task and self-check questions. The outline's limits keep it under 6000 characters;
 * each piece is also cut to its own Discord limit.
 */
export function lessonEmbed(course: Course, lesson: Lesson, completedAt: Date | undefined, bestQuiz?: QuizBestValue): APIEmbed {
  return {
    color: partColour(lesson.part.index),
    author: { name: truncate(lessonPosition(course, lesson), 256) },
    title: truncate(lesson.title, 256),
    description: truncate(`${doneMark(completedAt)} · ${quizMark(bestQuiz)}\n\n${lesson.summary}`, 4096),
    fields: [
      { name: 'Key topics', value: truncate(bulleted(lesson.keyTopics), 1024) },
      { name: 'Practice', value: truncate(lesson.practice, 1024) },
      { name: 'Check yourself', value: truncate(numbered(lesson.selfCheck), 1024) },
    ],
  };
}
