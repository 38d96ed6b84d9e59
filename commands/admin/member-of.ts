import type { ChatInputCommandInteraction, User } from 'discord.js';
import { UserError } from '../../src/ui/user-error.ts';

/** The `member` option: a person in this server (corrections are for the server's own learners). */
export function memberOption(interaction: ChatInputCommandInteraction): User {
  const user = interaction.options.getUser('member', true);
  if (user.bot) throw new UserError(`${user.username} is a bot, and bots keep no study progress. Nothing was changed.`);
  if (!interaction.options.getMember('member')) throw new UserError(`<@${user.id}> is not a member of this server. Nothing was changed.`);
  return user;
}

/** The reason every correction needs, trimmed; blank is refused. */
export function reasonOption(interaction: ChatInputCommandInteraction): string {
  const reason = interaction.options.getString('reason', true).trim();
  if (reason.length === 0) throw new UserError('Give a reason: it goes into the audit log with the change. Nothing was changed.');
  return reason;
}
