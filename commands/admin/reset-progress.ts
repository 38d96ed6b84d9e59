import { ButtonStyle, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { getCompletions } from '../../src/progress/completions.ts';
import { button, buttonRow } from '../../src/ui/components.ts';
import { buildButtonId } from '../../src/ui/custom-id.ts';
import { reply } from '../../src/ui/reply.ts';
import { memberOption, reasonOption } from './member-of.ts';

/** `/admin reset`: asks the organiser to confirm, keeping the reason for the confirmation button (src/buttons/admin.ts). */
export async function askToResetProgress(
  interaction: ChatInputCommandInteraction & { guildId: string },
  { store, course, clock }: HandlerContext,
): Promise<void> {
  const member = memberOption(interaction);
  const reason = reasonOption(interaction);
  const done = (await getCompletions(store, course, member.id)).size;
  await store.audit.setPendingReset(interaction.guildId, interaction.user.id, member.id, reason, clock.now());
  const ids = { memberId: member.id, ownerId: interaction.user.id };
  await reply(
    interaction,
    {
      content: [
        `Reset the progress of <@${member.id}>? This clears the ${done === 1 ? '1 lesson' : `${done} lessons`} they have done, in every server (progress belongs to the learner). Their quiz results and settings stay.`,
        `The audit log keeps which lessons were cleared and when each was done. Reason: “${reason}”`,
      ].join('\n'),
      components: [
        buttonRow(
          button(buildButtonId({ action: 'resetConfirm', ...ids }), 'Reset their progress', ButtonStyle.Danger),
          button(buildButtonId({ action: 'resetCancel', ...ids }), 'Cancel', ButtonStyle.Secondary),
        ),
      ],
    },
    { ephemeral: true },
  );
}
