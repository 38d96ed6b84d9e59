import { type APIMessage, ApplicationIntegrationType, InteractionContextType, type InteractionType } from 'discord.js';
import type { StandinGuild } from '../world/guild.ts';
import { DEFAULT_BOT_PERMISSIONS } from '../world/permissions.ts';
import type { ChannelRecord, StandinUser } from '../world/records.ts';
import { channelJson, memberJson, userJson } from './entities.ts';

/** Discord's attachment size limit for servers without boosts (10 MiB). */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export interface InteractionSource {
  id: string;
  token: string;
  applicationId: string;
  botId: string;
  type: InteractionType;
  user: StandinUser;
  /** Absent for interactions in a DM with the bot. */
  guild?: StandinGuild;
  channel: ChannelRecord;
  data: unknown;
  /** The message a component sits on. */
  message?: APIMessage;
}

/**
 * An INTERACTION_CREATE payload as Discord sends it. discord.js silently drops interactions without
 * `entitlements` and `authorizing_integration_owners`, and takes `channelId` from `channel.id`.
 */
export function interactionJson(source: InteractionSource): Record<string, unknown> {
  const { guild, user, channel } = source;
  const common = {
    id: source.id,
    application_id: source.applicationId,
    type: source.type,
    data: source.data,
    token: source.token,
    version: 1,
    locale: user.locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(source.message ? { message: source.message } : {}),
  };
  if (!guild) {
    return {
      ...common,
      user: userJson(user),
      channel: channelJson(channel),
      channel_id: channel.id,
      app_permissions: DEFAULT_BOT_PERMISSIONS.toString(),
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    };
  }
  const member = guild.member(user.id);
  if (!member) throw new Error(`${user.username} is not a member of guild ${guild.name}`);
  // Discord sends what the member and the app may do in this channel, overwrites included.
  const permissions = guild.permissionsIn(channel, user.id).toString();
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.locale, features: [] },
    guild_locale: guild.locale,
    member: { ...memberJson(member), permissions },
    channel: { ...channelJson(channel), permissions },
    channel_id: channel.id,
    app_permissions: guild.permissionsIn(channel, source.botId).toString(),
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
  };
}
