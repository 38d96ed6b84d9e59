import { type APIMessage, ChannelType, GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { memberJson } from '../payloads/entities.ts';
import { guildCreateJson } from '../payloads/guild-json.ts';
import { type MessageFields, type MessageOrigin, type UploadedFile, createMessageJson, editMessageJson } from '../payloads/message-json.ts';
import { SnowflakeGenerator } from '../snowflake.ts';
import { type AddGuildOptions, type GuildHost, StandinGuild } from './guild.ts';
import { MessageStore } from './messages.ts';
import { ALL_PERMISSIONS } from './permissions.ts';
import type { ChannelRecord, StandinChannel, StandinUser } from './records.ts';

export interface AddUserOptions {
  username: string;
  globalName?: string;
  /** The user's client language, sent as the interaction's `locale`. */
  locale?: string;
}

/** A change that connected bots hear about over the gateway, if they hold the intent. */
export interface WorldEvent {
  name: string;
  guildId: string | null;
  data: unknown;
  intent: number;
}

export interface WorldOptions {
  botUsername: string;
  botPermissions: bigint;
  publish: (event: WorldEvent) => void;
}

/** Everything that exists on the stand-in's Discord: users, guilds, channels and messages. */
export class World implements GuildHost {
  readonly ids = new SnowflakeGenerator();
  readonly users = new Map<string, StandinUser>();
  readonly guilds = new Map<string, StandinGuild>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new MessageStore();
  private readonly attachmentBytes = new Map<string, Buffer>();
  readonly bot: StandinUser;
  readonly botPermissions: bigint;
  private readonly dmChannels = new Map<string, ChannelRecord>();
  private readonly deletedChannelIds = new Set<string>();
  /** Users who do not accept DMs from the bot (no shared server allows it, or they blocked it). */
  private readonly closedDms = new Set<string>();

  constructor(private readonly options: WorldOptions) {
    this.botPermissions = options.botPermissions;
    this.bot = this.createUser({ username: options.botUsername }, true);
  }

  addUser(options: AddUserOptions): StandinUser {
    return this.createUser(options, false);
  }

  addGuild(options: AddGuildOptions): StandinGuild {
    const guild = new StandinGuild(this, options);
    this.guilds.set(guild.id, guild);
    guild.announced = true;
    this.options.publish({
      name: GatewayDispatchEvents.GuildCreate,
      guildId: guild.id,
      data: guildCreateJson(guild, this.bot.id),
      intent: GatewayIntentBits.Guilds,
    });
    return guild;
  }

  registerChannel(channel: ChannelRecord): void {
    this.channels.set(channel.id, channel);
  }

  unregisterChannel(channel: ChannelRecord): void {
    this.channels.delete(channel.id);
    this.deletedChannelIds.add(channel.id);
  }

  /** From now on the user refuses the bot's DMs, as Discord answers with 50007. */
  closeDms(userId: string): void {
    this.closedDms.add(userId);
  }

  acceptsDmsFromBot(userId: string): boolean {
    return !this.closedDms.has(userId);
  }

  /** True for a channel that existed and was deleted (as opposed to an id that never existed). */
  wasDeleted(channelId: string): boolean {
    return this.deletedChannelIds.has(channelId);
  }

  /** The bot's permissions in a channel; in DMs nothing restricts it. */
  botPermissionsIn(channel: StandinChannel): bigint {
    const guild = this.guildOf(channel);
    return guild ? guild.permissionsIn(channel, this.bot.id) : ALL_PERMISSIONS;
  }

  publish(event: WorldEvent): void {
    this.options.publish(event);
  }

  channel(id: string): ChannelRecord | undefined {
    return this.channels.get(id);
  }

  guildOf(channel: StandinChannel): StandinGuild | undefined {
    return channel.guildId ? this.guilds.get(channel.guildId) : undefined;
  }

  /** The DM channel between the bot and a user, opened on first use like Discord does. */
  dmChannelWith(user: StandinUser): ChannelRecord {
    const existing = this.dmChannels.get(user.id);
    if (existing) return existing;
    const channel: ChannelRecord = {
      id: this.ids.next(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      parentId: null,
      position: 0,
      topic: null,
      permissionOverwrites: [],
      recipient: user,
      lastMessageId: null,
    };
    this.dmChannels.set(user.id, channel);
    this.registerChannel(channel);
    return channel;
  }

  /** Stores a new message (by the bot unless another author is given) and tells the gateway about it. */
  postMessage(
    channel: ChannelRecord,
    body: MessageFields,
    origin: Partial<Pick<MessageOrigin, 'author' | 'type' | 'flags' | 'webhookId' | 'applicationId' | 'interactionMetadata' | 'files'>> = {},
    ephemeral = false,
  ): APIMessage {
    const json = createMessageJson(body, {
      ...origin,
      id: this.ids.next(),
      channel,
      author: origin.author ?? this.bot,
      findUser: (id) => this.users.get(id),
      findMessage: (id) => this.messages.get(id)?.json,
    });
    this.messages.add(json, ephemeral);
    this.keepAttachments(json, origin.files ?? []);
    if (!ephemeral) {
      channel.lastMessageId = json.id;
      if (channel.thread) channel.thread.messageCount += 1;
      this.publishMessageEvent(GatewayDispatchEvents.MessageCreate, channel, json);
    }
    return json;
  }

  editMessage(id: string, body: MessageFields, files: UploadedFile[] = []): APIMessage {
    const stored = this.messages.get(id);
    if (!stored) throw new Error(`message ${id} does not exist`);
    const edited = editMessageJson(stored.json, body, files);
    this.messages.replace(id, edited);
    this.keepAttachments(edited, files);
    const channel = this.channels.get(edited.channel_id);
    if (channel && !stored.ephemeral) this.publishMessageEvent(GatewayDispatchEvents.MessageUpdate, channel, edited);
    return edited;
  }

  /** The bytes of an uploaded attachment, by its id (the latest 1,000 uploads are kept). */
  attachmentContent(id: string): Buffer | undefined {
    return this.attachmentBytes.get(id);
  }

  private keepAttachments(message: APIMessage, files: UploadedFile[]): void {
    if (files.length === 0) return;
    message.attachments.forEach((attachment, index) => {
      const file = files[index];
      if (file) this.attachmentBytes.set(attachment.id, file.data);
    });
    for (const oldest of this.attachmentBytes.keys()) {
      if (this.attachmentBytes.size <= 1000) break;
      this.attachmentBytes.delete(oldest);
    }
  }

  deleteMessage(id: string): void {
    const stored = this.messages.get(id);
    if (!stored) return;
    this.messages.delete(id);
    const channel = this.channels.get(stored.json.channel_id);
    if (channel && !stored.ephemeral) {
      const data = { id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
      this.publish({ name: GatewayDispatchEvents.MessageDelete, guildId: channel.guildId, data, intent: messageIntent(channel) });
    }
  }

  /** Bots only hear about messages in channels that exist and that they can see. */
  private publishMessageEvent(name: string, channel: ChannelRecord, json: APIMessage): void {
    if (!this.channels.has(channel.id)) return;
    if ((this.botPermissionsIn(channel) & PermissionFlagsBits.ViewChannel) === 0n) return;
    const guild = channel.guildId ? this.guilds.get(channel.guildId) : undefined;
    const member = guild?.member(json.author.id);
    const extra = guild ? { guild_id: guild.id, ...(member ? { member: { ...memberJson(member), user: undefined } } : {}) } : {};
    this.publish({ name, guildId: channel.guildId, data: { ...json, ...extra }, intent: messageIntent(channel) });
  }

  private createUser(options: AddUserOptions, bot: boolean): StandinUser {
    const user: StandinUser = {
      id: this.ids.next(),
      username: options.username,
      globalName: options.globalName ?? (bot ? null : options.username),
      locale: options.locale ?? 'en-US',
      bot,
    };
    this.users.set(user.id, user);
    return user;
  }
}

function messageIntent(channel: ChannelRecord): number {
  return channel.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
}
