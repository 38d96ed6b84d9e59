import type { ChatInputCommandInteraction } from 'discord.js';
import { followUp } from '../ui/reply.ts';
import type { HandlerContext } from './handler.ts';
import { invokingUserSettings } from './invoking-user-settings.ts';

export const closedDmsNotice =
  '⚠️ Your reminders are switched off: Discord would not deliver the bot’s DM to you (your DMs are closed to it). Allow DMs from this server’s members or from the app, then switch them on again with `/me reminders:True`.';

/** After a learner's command: if a reminder found their DMs closed since, tells them once, privately. */
export async function tellAboutClosedDms(interaction: ChatInputCommandInteraction, { store }: HandlerContext): Promise<void> {
  // Usually the command's own read (nothing to tell): the store is written only when there may be something.
  if (!(await invokingUserSettings(interaction, store)).dmsClosedUntold) return;
  let untold = false;
  await store.learners.updateSettings(interaction.user.id, ({ dmsClosedUntold, ...rest }) => {
    untold = dmsClosedUntold === true; // what is stored now: the command may have switched reminders on again
    return rest;
  });
  if (untold) await followUp(interaction, { content: closedDmsNotice }, { ephemeral: true });
}
