import { PermissionFlagsBits, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { UserError } from '../ui/user-error.ts';

/**
 * Discord hides organisers' commands from members without Manage Server; this check holds even
 * if a server overrides that. `what` finishes "Only members with … can …".
 */
export function requireManageServer<T extends Interaction>(interaction: T, what: string): asserts interaction is T & { guildId: string } {
  if (!interaction.inGuild()) throw new UserError('This belongs to a server: use it there.');
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    throw new UserError(`Only members with the Manage Server permission can ${what}. Nothing was changed.`);
}

/** /schedule's check: the lesson of the day is for organisers. */
export function requireAdmin(interaction: ChatInputCommandInteraction): asserts interaction is ChatInputCommandInteraction<'cached' | 'raw'> {
  requireManageServer(interaction, 'change the lesson of the day');
}
