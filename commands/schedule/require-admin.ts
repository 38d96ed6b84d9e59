import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../src/ui/user-error.ts';

/** Discord hides /schedule from members without Manage Server; this check holds even if a server overrides that. */
export function requireAdmin(interaction: ChatInputCommandInteraction): asserts interaction is ChatInputCommandInteraction<'cached' | 'raw'> {
  if (!interaction.inGuild()) throw new UserError('/schedule belongs to a server: use it there.');
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    throw new UserError('Only members with the Manage Server permission can change the lesson of the day. Nothing was changed.');
}
