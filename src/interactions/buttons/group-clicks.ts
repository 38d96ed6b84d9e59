import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { CommandContext } from '../../bot/command.ts';
import { groupPage } from '../../views/group-page.ts';
import type { ButtonAction } from '../button-id.ts';
import { UserError } from '../user-error.ts';

/** Page buttons of the group view: the owner pages in place, anyone else gets their own copy. */
export async function handleGroupClick(interaction: ButtonInteraction, button: Extract<ButtonAction, { action: 'group' }>, context: CommandContext): Promise<void> {
  if (!interaction.inGuild()) throw new UserError('The group view belongs to a server.');
  const viewerId = interaction.user.id;
  const isOwner = viewerId === button.ownerId;
  if (isOwner) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(await groupPage(context, interaction.guildId, interaction.guild?.name ?? 'This server', button.page, viewerId));
}
