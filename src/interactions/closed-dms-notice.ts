import type { ChatInputCommandInteraction } from 'discord.js';
import { followUp } from '../ui/reply.ts';
import type { HandlerContext } from './handler.ts';

export const closedDmsNotice =
  '⚠️ Your reminders are switched off: Discord would not deliver the bot’s DM to you (your DMs are closed to it). Allow DMs from this server’s members or from the app, then switch them on again with `/me reminders:True`.';

/** After a learner's command: if a reminder found their DMs closed since, tells them once, privately. */
export async function tellAboutClosedDms(interaction: ChatInputCommandInteraction, { store }: HandlerContext): Promise<void> {
  const userId = interaction.user.id;
  const [settings] = await store.learners.getSettings([userId]);
  if (!settings?.dmsClosedUntold) return;
  await store.learners.updateSettings(userId, ({ dmsClosedUntold: _told, ...rest }) => rest);
  await followUp(interaction, { content: closedDmsNotice }, { ephemeral: true });
}
