import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { CommandContext } from '../../bot/command.ts';
import { groupStandings } from '../../progress/group-standings.ts';
import { groupView } from '../../views/group-view.ts';
import { serverDay } from '../../schedule/todays-lesson.ts';
import type { ButtonAction } from '../button-id.ts';
import { UserError } from '../user-error.ts';

/** Page buttons of the group view: the owner pages in place, anyone else gets their own copy. */
export async function handleGroupClick(interaction: ButtonInteraction, button: Extract<ButtonAction, { action: 'group' }>, context: CommandContext): Promise<void> {
  if (!interaction.inGuild()) throw new UserError('The group view belongs to a server.');
  const viewerId = interaction.user.id;
  const isOwner = viewerId === button.ownerId;
  if (isOwner) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { timeZone, todaysLesson } = await serverDay(context, interaction.guildId);
  const standings = await groupStandings(context.store, context.course, interaction.guildId, context.clock.now(), timeZone, todaysLesson?.id);
  await interaction.editReply(groupView(context.course, interaction.guild?.name ?? 'This server', standings, button.page, viewerId, todaysLesson));
}
