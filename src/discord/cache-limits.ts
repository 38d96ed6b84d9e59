import type { CacheWithLimitsOptions, GuildMember, User } from 'discord.js';

/**
 * The caches the bot does not read, switched off (over discord.js's default limits). Imports
 * only discord.js's types, so the benchmarks' bare client can load these settings from the
 * build and hand them to discord.js as installed.
 */
export const cacheLimits = {
  MessageManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member: GuildMember) => member.id === member.client.user.id },
  UserManager: { maxSize: 0, keepOverLimit: (user: User) => user.id === user.client.user.id },
  ReactionManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  StageInstanceManager: 0,
  ThreadMemberManager: 0,
} satisfies CacheWithLimitsOptions;
