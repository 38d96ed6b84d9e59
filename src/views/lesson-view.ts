import type { Course, Lesson } from '../course/course.ts';
import { lessonButtons } from './lesson-buttons.ts';
import { lessonEmbed } from './lesson-embed.ts';
import type { Payload } from '../ui/reply.ts';
import type { QuizBestValue } from '../progress/quiz.ts';

/** A lesson as a message for one learner: the embed with their done mark and best quiz score, and the buttons. */
export function lessonView(course: Course, lesson: Lesson, learnerId: string, completedAt: Date | undefined, bestQuiz?: QuizBestValue) {
  return {
    embeds: [lessonEmbed(course, lesson, completedAt, bestQuiz)],
    components: [lessonButtons(course, lesson, learnerId, completedAt !== undefined)],
  } satisfies Payload;
}
