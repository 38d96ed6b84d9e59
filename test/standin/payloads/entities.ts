import {
  type APIChannel,
  type APIEmoji,
  type APIGuildMember,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';
import { overwritesJson } from '../world/permission-overwrites.ts';
import type { ChannelRecord, StandinEmoji, StandinMember, StandinRole, StandinUser } from '../world/records.ts';

export function userJson(user: StandinUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
  };
}

/** `GET /users/@me` and READY carry a few private fields. */
export function currentUserJson(user: StandinUser): APIUser {
  return { ...userJson(user), verified: true, mfa_enabled: false, email: null, locale: user.locale };
}

export function emojiJson(emoji: StandinEmoji): APIEmoji {
  return { id: emoji.id, name: emoji.name, roles: [], require_colons: true, managed: false, animated: emoji.animated, available: true };
}

export function roleJson(role: StandinRole): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function memberJson(member: StandinMember): APIGuildMember {
  return {
    user: userJson(member.user),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelJson(channel: ChannelRecord): APIChannel {
  if (channel.type === ChannelType.DM) {
    return {
      id: channel.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: channel.lastMessageId,
      recipients: channel.recipient ? [userJson(channel.recipient)] : [],
      flags: 0 as ChannelFlags,
    };
  }
  const base = {
    id: channel.id,
    guild_id: channel.guildId ?? undefined,
    name: channel.name ?? '',
    position: channel.position,
    permission_overwrites: overwritesJson(channel.permissionOverwrites),
    parent_id: channel.parentId,
    nsfw: false,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
  const thread = channel.thread;
  if (thread) {
    return {
      ...base,
      parent_id: channel.parentId ?? undefined,
      type: ChannelType.PublicThread,
      owner_id: thread.ownerId,
      message_count: thread.messageCount,
      total_message_sent: thread.messageCount,
      member_count: 1,
      thread_metadata: {
        archived: thread.archived,
        auto_archive_duration: thread.autoArchiveDuration as 60,
        archive_timestamp: thread.createdAt,
        locked: thread.locked,
        create_timestamp: thread.createdAt,
      },
    };
  }
  return { ...base, type: ChannelType.GuildText, topic: channel.topic, default_thread_rate_limit_per_user: 0 };
}
