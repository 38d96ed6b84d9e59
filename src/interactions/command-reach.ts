import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

/** Where a command can be used: installed in servers, usable there and in a DM with the bot. */
export const inServersAndDMs = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};
