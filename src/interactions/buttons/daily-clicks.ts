import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { CommandContext } from '../../bot/command.ts';
import { lessonView } from '../../lessons/lesson-view.ts';
import { completeLesson, getCompletions } from '../../progress/completions.ts';
import { progressStats } from '../../progress/stats.ts';
import type { ButtonAction } from '../button-id.ts';
import { lessonOfButton } from './lesson-of-button.ts';

type DailyAction = Extract<ButtonAction, { action: 'studied' | 'full' }>;

/** The lesson of the day's buttons act for whoever clicks and answer only them; the post never changes. */
export async function handleDailyClick(interaction: ButtonInteraction, button: DailyAction, { course, store, clock }: CommandContext): Promise<void> {
  const lesson = lessonOfButton(course, button.lessonId);
  const learnerId = interaction.user.id;
  let completions = await getCompletions(store, course, learnerId);
  if (button.action === 'full') {
    await interaction.reply({ ...lessonView(course, lesson, learnerId, completions.get(lesson.id)), flags: MessageFlags.Ephemeral });
    return;
  }
  const already = completions.has(lesson.id);
  if (!already) {
    await completeLesson(store, clock, learnerId, lesson);
    completions = await getCompletions(store, course, learnerId);
  }
  const { done, total } = progressStats(course, completions).overall;
  const content = already ? `You had already studied “${lesson.title}”. ${done}/${total} lessons done.` : `✅ Marked “${lesson.title}” as studied. ${done}/${total} lessons done.`;
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
