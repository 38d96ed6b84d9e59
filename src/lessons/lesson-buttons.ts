import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { buildButtonId } from '../interactions/button-id.ts';

/**
 * Mark done (or undo), previous and next (where there is one). Ids carry the owner so a click by anyone else
 * acts for the clicker, and the intended action so a double click cannot flip the mark back.
 */
export function lessonButtons(course: Course, lesson: Lesson, ownerId: string, done: boolean): ActionRowBuilder<ButtonBuilder> {
  const previous = course.lessons[lesson.index - 1];
  const next = course.lessons[lesson.index + 1];
  const mark = done
    ? new ButtonBuilder().setCustomId(buildButtonId({ action: 'undo', lessonId: lesson.id, ownerId })).setLabel('Mark not done').setStyle(ButtonStyle.Secondary)
    : new ButtonBuilder().setCustomId(buildButtonId({ action: 'done', lessonId: lesson.id, ownerId })).setLabel('Mark done').setEmoji('✅').setStyle(ButtonStyle.Success);
  const navigate = (target: Lesson, label: string) =>
    new ButtonBuilder().setCustomId(buildButtonId({ action: 'open', lessonId: target.id, ownerId })).setLabel(label).setStyle(ButtonStyle.Secondary);
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(mark);
  if (previous) row.addComponents(navigate(previous, '◀ Previous'));
  if (next) row.addComponents(navigate(next, 'Next ▶'));
  return row;
}
