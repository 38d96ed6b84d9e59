import type { ChannelType } from 'discord.js';
import type { StandinGuild } from './guild.ts';
import type { PermissionOverwrite } from './permission-overwrites.ts';

export interface StandinUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly locale: string;
  readonly bot: boolean;
}

/** A user as a member of one guild; usable wherever a user is expected. */
export interface StandinMember extends StandinUser {
  readonly user: StandinUser;
  readonly guild: StandinGuild;
  readonly roleIds: readonly string[];
  readonly joinedAt: string;
  readonly nick: string | null;
}

/** A custom emoji of a guild: GUILD_CREATE carries them, so a bot caches them unless told not to. */
export interface StandinEmoji {
  readonly id: string;
  readonly name: string;
  readonly animated: boolean;
}

export interface StandinRole {
  readonly id: string;
  readonly name: string;
  readonly permissions: bigint;
  readonly position: number;
  /** Set for the role Discord creates for a bot when it joins. */
  readonly botId?: string;
}

export interface ThreadState {
  ownerId: string;
  autoArchiveDuration: number;
  archived: boolean;
  locked: boolean;
  createdAt: string;
  messageCount: number;
}

/** Mutable channel state; tests see it through StandinChannel. */
export interface ChannelRecord {
  readonly id: string;
  readonly type: ChannelType;
  readonly name: string | null;
  readonly guildId: string | null;
  readonly parentId: string | null;
  readonly position: number;
  readonly topic: string | null;
  /** Replaced as a whole when a test changes them (threads follow their parent's). */
  permissionOverwrites: readonly PermissionOverwrite[];
  /** The other side of a DM channel. */
  readonly recipient?: StandinUser;
  readonly thread?: ThreadState;
  lastMessageId: string | null;
}

export type StandinChannel = Readonly<ChannelRecord>;

export function isMember(user: StandinUser | StandinMember): user is StandinMember {
  return 'guild' in user;
}
