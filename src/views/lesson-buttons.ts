import { ButtonStyle, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import { button, buttonRow } from '../ui/components.ts';

/**
 * Mark done (or undo), the lesson's quiz (private to whoever clicks), previous and next (where there is one). Ids carry the owner so a
 * click by anyone else acts for the clicker, and the intended action so a double click
 * cannot flip the mark back.
 */
export function lessonButtons(course: Course, lesson: Lesson, ownerId: string, done: boolean): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const previous = course.lessons[lesson.index - 1];
  const next = course.lessons[lesson.index + 1];
  const mark = done
    ? button(buildButtonId({ action: 'undo', lessonId: lesson.id, ownerId }), 'Mark not done', ButtonStyle.Secondary)
    : button(buildButtonId({ action: 'done', lessonId: lesson.id, ownerId }), 'Mark done', ButtonStyle.Success, { emoji: '✅' });
  const navigate = (target: Lesson, label: string) =>
    button(buildButtonId({ action: 'open', lessonId: target.id, ownerId }), label, ButtonStyle.Secondary);
  const quiz = button(buildButtonId({ action: 'quiz', lessonId: lesson.id }), 'Quiz', ButtonStyle.Primary, { emoji: '📝' });
  return buttonRow(mark, quiz, ...(previous ? [navigate(previous, '◀ Previous')] : []), ...(next ? [navigate(next, 'Next ▶')] : []));
}
