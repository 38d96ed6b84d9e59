import type { ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { resolveLesson } from '../../src/lessons/resolve-lesson.ts';
import { correctLesson } from '../../src/progress/corrections.ts';
import { reply } from '../../src/ui/reply.ts';
import { memberOption, reasonOption } from './member-of.ts';

/** `/admin progress`: marks one lesson done or not done for a member, with a reason, in the audit log. */
export async function correctProgress(
  interaction: ChatInputCommandInteraction & { guildId: string },
  { store, course, clock }: HandlerContext,
): Promise<void> {
  const member = memberOption(interaction);
  const lesson = resolveLesson(course, interaction.options.getString('lesson', true));
  const done = interaction.options.getString('state', true) === 'done';
  const reason = reasonOption(interaction);
  const changed = await correctLesson(
    store,
    clock,
    { guildId: interaction.guildId, actorId: interaction.user.id, memberId: member.id, reason },
    lesson,
    done,
  );
  const state = done ? 'done' : 'not done';
  await reply(
    interaction,
    {
      content: changed
        ? `📝 Marked “${lesson.title}” ${state} for <@${member.id}>, and wrote it to the audit log (/admin audit).`
        : `“${lesson.title}” is already ${state} for <@${member.id}>. Nothing was changed.`,
    },
    { ephemeral: true },
  );
}
