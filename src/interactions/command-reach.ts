import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';

/** Where a command can be used: installed in servers, usable there and in a DM with the bot. */
export const inServersAndDMs = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/**
 * Commands about the learner's own study: also where a learner has added the app to their
 * account (user install), so they can study from any DM or group DM.
 */
export const forLearnersAnywhere = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** Organisers' commands: servers only, and shown by Discord only to members with Manage Server (the handlers check it again). */
export const forOrganisers = {
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
