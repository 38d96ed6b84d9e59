import type { ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { resolveLesson } from '../../src/lessons/resolve-lesson.ts';
import { correctLesson } from '../../src/progress/corrections.ts';
import { followUp, reply } from '../../src/ui/reply.ts';
import { getCompletions } from '../../src/progress/completions.ts';
import { giveMilestoneRoles, givenRolesNotice } from '../../src/interactions/milestone-roles.ts';
import { memberOption, reasonOption } from './member-of.ts';

/** `/admin progress`: marks one lesson done or not done for a member, with a reason, in the audit log. */
export async function correctProgress(interaction: ChatInputCommandInteraction & { guildId: string }, context: HandlerContext): Promise<void> {
  const { store, course, clock } = context;
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
  const given = changed && done ? await giveMilestoneRoles(interaction, context, member.id, await getCompletions(store, course, member.id)) : [];
  if (given.length > 0) await followUp(interaction, { content: givenRolesNotice(given, { userId: member.id }) }, { ephemeral: true });
}
