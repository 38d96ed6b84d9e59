import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { channelJson, emojiJson, memberJson, roleJson } from '../payloads/entities.ts';
import type { SnowflakeGenerator } from '../snowflake.ts';
import { type PermissionOverwrite, applyOverwrites } from './permission-overwrites.ts';
import { ADMINISTRATOR, EVERYONE_PERMISSIONS, MANAGE_GUILD, combinePermissions } from './permissions.ts';
import type { ChannelRecord, StandinChannel, StandinEmoji, StandinMember, StandinRole, StandinUser } from './records.ts';
import type { AddUserOptions, WorldEvent } from './world.ts';

/** What a guild needs from the world around it. */
export interface GuildHost {
  readonly ids: SnowflakeGenerator;
  readonly bot: StandinUser;
  readonly botPermissions: bigint;
  addUser(options: AddUserOptions): StandinUser;
  registerChannel(channel: ChannelRecord): void;
  unregisterChannel(channel: ChannelRecord): void;
  publish(event: WorldEvent): void;
}

export interface AddGuildOptions {
  name: string;
  /** The guild's preferred locale, sent as `guild_locale`. */
  locale?: string;
}

export interface AddMemberOptions extends AddUserOptions {
  /** Gives the member a role with Manage Server, which is what "admin" means to the bot. */
  manageGuild?: boolean;
  administrator?: boolean;
  roles?: StandinRole[];
  nick?: string;
}

export interface AddTextChannelOptions {
  topic?: string;
  /** Who may do what in the channel; `guild.id` is @everyone, `guild.botRole.id` the bot's managed role. */
  overwrites?: readonly PermissionOverwrite[];
}

export interface AddRoleOptions {
  name: string;
  permissions?: bigint;
}

/** Why a bot may not give a role, as Discord decides it; undefined when it may. */
export type RoleRefusal = 'unknown-member' | 'unknown-role' | 'missing-permissions' | 'above-the-bot' | 'managed';

/** Discord's order of roles: by position, and of two at the same position the older (smaller id) ranks higher. */
function ranksAbove(a: StandinRole, b: StandinRole): boolean {
  if (a.position !== b.position) return a.position > b.position;
  return BigInt(a.id) < BigInt(b.id);
}

export class StandinGuild {
  readonly id: string;
  readonly name: string;
  readonly locale: string;
  readonly joinedAt = new Date().toISOString();
  readonly roles: StandinRole[] = [];
  readonly channels: ChannelRecord[] = [];
  readonly emojis: StandinEmoji[] = [];
  private readonly memberRecords = new Map<string, StandinMember>();
  readonly general: StandinChannel;
  readonly owner: StandinMember;
  /** Set once the guild has been announced, so later additions are sent as gateway events. */
  announced = false;

  constructor(
    private readonly host: GuildHost,
    options: AddGuildOptions,
  ) {
    this.id = host.ids.nextSpread();
    this.name = options.name;
    this.locale = options.locale ?? 'en-US';
    this.roles.push({ id: this.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 });
    const botRole = this.addRole({ name: host.bot.username, permissions: host.botPermissions }, host.bot.id);
    this.owner = this.addMember({ username: `${options.name.toLowerCase().replace(/\W+/g, '-')}-owner` });
    this.addExistingUser(host.bot, [botRole.id]);
    this.general = this.addTextChannel('general');
  }

  get everyoneRole(): StandinRole {
    return this.roles[0]!;
  }

  /** The role Discord made for the bot when it joined; a role overwrite on it restricts the bot only. */
  get botRole(): StandinRole {
    return this.roles.find((role) => role.botId === this.host.bot.id)!;
  }

  get members(): StandinMember[] {
    return [...this.memberRecords.values()];
  }

  member(userId: string): StandinMember | undefined {
    return this.memberRecords.get(userId);
  }

  addTextChannel(name: string, options: AddTextChannelOptions = {}): StandinChannel {
    const permissionOverwrites = this.checkedOverwrites(options.overwrites ?? [], `#${name}`);
    const channel: ChannelRecord = {
      id: this.host.ids.next(),
      type: ChannelType.GuildText,
      name,
      guildId: this.id,
      parentId: null,
      position: this.channels.length,
      topic: options.topic ?? null,
      permissionOverwrites,
      lastMessageId: null,
    };
    this.addChannel(channel);
    return channel;
  }

  /** Replaces a channel's permission overwrites; the bot hears CHANNEL_UPDATE. */
  setChannelOverwrites(channel: StandinChannel, overwrites: readonly PermissionOverwrite[]): void {
    const record = this.ownChannel(channel);
    if (record.thread) throw new Error(`thread ${record.name} has no overwrites of its own; set them on its parent channel`);
    record.permissionOverwrites = this.checkedOverwrites(overwrites, `#${record.name}`);
    this.publish(GatewayDispatchEvents.ChannelUpdate, channelJson(record), GatewayIntentBits.Guilds);
  }

  /** Denies the bot permissions in one channel with a member overwrite on the bot user (added to what it denies there already). */
  denyBotIn(channel: StandinChannel, permissions: bigint): void {
    const botId = this.host.bot.id;
    const current = this.ownChannel(channel).permissionOverwrites;
    const previous = current.find((overwrite) => overwrite.type === 'member' && overwrite.id === botId);
    const others = current.filter((overwrite) => overwrite !== previous);
    const allow = (previous?.allow ?? 0n) & ~permissions;
    this.setChannelOverwrites(channel, [...others, { id: botId, type: 'member', allow, deny: (previous?.deny ?? 0n) | permissions }]);
  }

  /**
   * Deletes a channel and the threads in it. The bot hears CHANNEL_DELETE (THREAD_DELETE for a thread);
   * afterwards every request to it answers 404 Unknown Channel, which is Discord's correct answer and not a failure.
   */
  deleteChannel(channel: StandinChannel): void {
    const record = this.ownChannel(channel);
    const doomed = this.channels.filter((candidate) => candidate === record || candidate.parentId === record.id);
    for (const gone of doomed) {
      this.channels.splice(this.channels.indexOf(gone), 1);
      this.host.unregisterChannel(gone);
    }
    if (record.thread) {
      const data = { id: record.id, guild_id: this.id, parent_id: record.parentId, type: record.type };
      this.publish(GatewayDispatchEvents.ThreadDelete, data, GatewayIntentBits.Guilds);
    } else {
      this.publish(GatewayDispatchEvents.ChannelDelete, channelJson(record), GatewayIntentBits.Guilds);
    }
  }

  /** Registers a channel of any kind (threads come through here too). */
  addChannel(channel: ChannelRecord): void {
    this.channels.push(channel);
    this.host.registerChannel(channel);
    const event = channel.thread ? GatewayDispatchEvents.ThreadCreate : GatewayDispatchEvents.ChannelCreate;
    const data = channel.thread ? { ...channelJson(channel), newly_created: true } : channelJson(channel);
    this.publish(event, data, GatewayIntentBits.Guilds);
  }

  /** A custom emoji; the bot hears GUILD_EMOJIS_UPDATE only with the Guild Expressions intent, and sees it in GUILD_CREATE. */
  addEmoji(name: string, options: { animated?: boolean } = {}): StandinEmoji {
    const emoji = { id: this.host.ids.next(), name, animated: options.animated ?? false };
    this.emojis.push(emoji);
    this.publish(
      GatewayDispatchEvents.GuildEmojisUpdate,
      { guild_id: this.id, emojis: this.emojis.map(emojiJson) },
      GatewayIntentBits.GuildExpressions,
    );
    return emoji;
  }

  addRole(options: AddRoleOptions, botId?: string): StandinRole {
    const role: StandinRole = {
      id: this.host.ids.next(),
      name: options.name,
      permissions: options.permissions ?? 0n,
      position: this.roles.length,
      ...(botId ? { botId } : {}),
    };
    this.roles.push(role);
    this.publish(GatewayDispatchEvents.GuildRoleCreate, { guild_id: this.id, role: roleJson(role) }, GatewayIntentBits.Guilds);
    return role;
  }

  /** Changes a role's position or permissions, as an organiser would in Server Settings; the bot hears GUILD_ROLE_UPDATE. */
  updateRole(role: StandinRole, change: { position?: number; permissions?: bigint }): StandinRole {
    const index = this.roles.findIndex((candidate) => candidate.id === role.id);
    if (index < 0) throw new Error(`role ${role.name} is not a role of guild ${this.name}`);
    const updated = { ...this.roles[index]!, ...change };
    this.roles[index] = updated;
    this.publish(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: this.id, role: roleJson(updated) }, GatewayIntentBits.Guilds);
    return updated;
  }

  /** The member's highest role (@everyone for a member with none), as Discord ranks them. */
  highestRoleOf(userId: string): StandinRole {
    const member = this.memberRecords.get(userId);
    return this.roles
      .filter((role) => member?.roleIds.includes(role.id))
      .reduce((highest, role) => (ranksAbove(role, highest) ? role : highest), this.everyoneRole);
  }

  /**
   * What Discord checks before `actorId` may give `roleId` to `userId`: Manage Roles (Administrator grants it), a role
   * that is neither @everyone nor managed by an integration, and strictly below the actor's highest role (only the owner is above that rule).
   */
  roleRefusal(actorId: string, userId: string, roleId: string): RoleRefusal | undefined {
    const role = this.roles.find((candidate) => candidate.id === roleId);
    if (!this.memberRecords.has(userId)) return 'unknown-member';
    if (!role || role.id === this.id) return 'unknown-role';
    if (role.botId) return 'managed';
    if ((this.permissionsOf(actorId) & PermissionFlagsBits.ManageRoles) === 0n) return 'missing-permissions';
    if (actorId !== this.owner.id && !ranksAbove(this.highestRoleOf(actorId), role)) return 'above-the-bot';
    return undefined;
  }

  /** Adds the role to the member (no check: see roleRefusal); GUILD_MEMBER_UPDATE needs the privileged Guild Members intent. */
  addRoleTo(userId: string, roleId: string): void {
    const member = this.memberRecords.get(userId);
    if (!member) throw new Error(`${userId} is not a member of guild ${this.name}`);
    if (member.roleIds.includes(roleId)) return;
    const updated = { ...member, roleIds: [...member.roleIds, roleId] };
    this.memberRecords.set(userId, updated);
    this.publish(GatewayDispatchEvents.GuildMemberUpdate, { ...memberJson(updated), guild_id: this.id }, GatewayIntentBits.GuildMembers);
  }

  addMember(options: AddMemberOptions): StandinMember {
    const roleIds = (options.roles ?? []).map((role) => role.id);
    if (options.manageGuild) roleIds.push(this.roleNamed('Moderator', MANAGE_GUILD).id);
    if (options.administrator) roleIds.push(this.roleNamed('Admin', ADMINISTRATOR).id);
    return this.addExistingUser(this.host.addUser(options), roleIds, options.nick);
  }

  addExistingUser(user: StandinUser, roleIds: string[] = [], nick?: string): StandinMember {
    const member: StandinMember = {
      id: user.id,
      username: user.username,
      globalName: user.globalName,
      locale: user.locale,
      bot: user.bot,
      user,
      guild: this,
      roleIds,
      joinedAt: new Date().toISOString(),
      nick: nick ?? null,
    };
    this.memberRecords.set(user.id, member);
    this.publish(GatewayDispatchEvents.GuildMemberAdd, { ...memberJson(member), guild_id: this.id }, GatewayIntentBits.GuildMembers);
    return member;
  }

  /** The member's guild-wide permissions, as Discord computes them for `member.permissions`. */
  permissionsOf(userId: string): bigint {
    const member = this.memberRecords.get(userId);
    if (!member) throw new Error(`${userId} is not a member of guild ${this.name}`);
    const rolePermissions = this.roles.filter((role) => role.id === this.id || member.roleIds.includes(role.id)).map((role) => role.permissions);
    return combinePermissions(userId === this.owner.id, rolePermissions);
  }

  /** A member's permissions in a channel (a thread counts as its parent), as Discord computes them. */
  permissionsIn(channel: StandinChannel, user: StandinUser | string): bigint {
    const userId = typeof user === 'string' ? user : user.id;
    const record = this.ownChannel(channel);
    const source = record.thread ? this.ownChannel({ id: record.parentId! }) : record;
    const member = this.memberRecords.get(userId);
    if (!member) throw new Error(`${userId} is not a member of guild ${this.name}`);
    return applyOverwrites(this.permissionsOf(userId), source.permissionOverwrites, { guildId: this.id, userId, roleIds: member.roleIds });
  }

  /** This guild's record of a channel that still exists. */
  private ownChannel(channel: Pick<StandinChannel, 'id'>): ChannelRecord {
    const record = this.channels.find((candidate) => candidate.id === channel.id);
    if (!record) throw new Error(`channel ${channel.id} is not (or no longer) a channel of guild ${this.name}`);
    return record;
  }

  /** Catches overwrites naming a role or member this guild does not have (a test mistake, not a bot's). */
  private checkedOverwrites(overwrites: readonly PermissionOverwrite[], where: string): PermissionOverwrite[] {
    for (const overwrite of overwrites) {
      const known = overwrite.type === 'role' ? this.roles.some((role) => role.id === overwrite.id) : this.memberRecords.has(overwrite.id);
      if (!known) throw new Error(`overwrite in ${where} names ${overwrite.type} ${overwrite.id}, which guild ${this.name} does not have`);
    }
    return overwrites.map((overwrite) => ({ ...overwrite }));
  }

  private roleNamed(name: string, permissions: bigint): StandinRole {
    return this.roles.find((role) => role.name === name) ?? this.addRole({ name, permissions });
  }

  private publish(name: string, data: unknown, intent: number): void {
    if (this.announced) this.host.publish({ name, guildId: this.id, data, intent });
  }
}
