import {
  ChannelType,
  DiscordAPIError,
  PermissionFlagsBits,
  Routes,
  type APIMessage,
  type Client,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { BulkLane } from '../rest/bulk-lane.ts';

/** What the daily poster needs from Discord; tests of the poster's logic may stand in for it. */
export interface PostSender {
  /** The server a channel belongs to, if the bot can see it. */
  guildIdOf(channelId: string): string | undefined;
  /** Whether bulk sending is paused (too many refused requests): no new day should be started. */
  isPaused(): boolean;
  /** Whether this process serves the server: it is in this shard's share of the bot's servers. */
  servesGuild(guildId: string): boolean;
  postMessage(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<string>;
  /** Starts a discussion thread on the message where the bot may; false when it may not. */
  startThread(channelId: string, messageId: string, name: string): Promise<boolean>;
}

/** Missing access or permissions, or a deleted channel: retrying today cannot help. */
const permanentCodes = new Set([10003, 50001, 50013]);

export function isPermanentFailure(error: unknown): boolean {
  if (!(error instanceof DiscordAPIError)) return false;
  return error.status === 403 || error.status === 404 || permanentCodes.has(Number(error.code));
}

/** The daily posts through the bot's bulk lane, and so within its one REST budget (README, "Scaling out"). */
export function createPostSender(client: Client, bulk: BulkLane): PostSender {
  const post = (route: `/${string}`, body: unknown) => bulk.send(() => client.rest.post(route, { body }));
  return {
    isPaused: () => bulk.isPaused(),
    servesGuild: (guildId) => client.guilds.cache.has(guildId),
    guildIdOf: (channelId) => {
      const channel = client.channels.cache.get(channelId);
      return channel && 'guildId' in channel ? channel.guildId : undefined;
    },
    async postMessage(channelId, body) {
      const message = (await post(Routes.channelMessages(channelId), body)) as APIMessage;
      return message.id;
    },
    async startThread(channelId, messageId, name) {
      const channel = client.channels.cache.get(channelId);
      if (!channel || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) return false;
      const permissions = client.user ? channel.permissionsFor(client.user) : null;
      if (!permissions?.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads])) return false;
      await post(Routes.threads(channelId, messageId), { name, auto_archive_duration: 1440 });
      return true;
    },
  };
}
