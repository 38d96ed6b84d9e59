import { ChannelType, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../src/ui/user-error.ts';

const needed = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** The channel must be a text or announcement channel of this server where the bot may post embeds. */
export function checkStudyChannel(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, channelId: string): void {
  const channel = interaction.client.channels.cache.get(channelId);
  if (!channel || !('guildId' in channel) || channel.guildId !== interaction.guildId)
    throw new UserError(`The bot cannot see <#${channelId}>. Pick a text channel the bot can read. Nothing was saved.`);
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
    throw new UserError(`<#${channelId}> is not a text channel. Pick a text or announcement channel. Nothing was saved.`);
  const permissions = channel.permissionsFor(interaction.client.user);
  const missing = needed.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
  if (missing.length > 0)
    throw new UserError(
      `The bot may not post in <#${channelId}>: it lacks ${missing.join(', ')} there. Grant them, or pick another channel. Nothing was saved.`,
    );
}
