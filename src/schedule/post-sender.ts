import { ChannelType, DiscordAPIError, PermissionFlagsBits, Routes, type APIMessage, type Client, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import pThrottle from 'p-throttle';

/** What the daily poster needs from Discord; tests of the poster's logic may stand in for it. */
export interface PostSender {
  /** The server a channel belongs to, if the bot can see it. */
  guildIdOf(channelId: string): string | undefined;
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

/**
 * The daily fan-out is the one burst this bot makes. discord.js keeps a 50-per-second window
 * of its own, but its windows need not line up with Discord's, so a burst at a window edge
 * can still draw 429s. Spacing the posts evenly (one request every 21 ms, under 48 a second)
 * keeps every one-second span under 50 wherever its edges fall.
 */
const evenlySpaced = pThrottle({ limit: 1, interval: 21 });

export function createPostSender(client: Client): PostSender {
  const post = evenlySpaced((route: `/${string}`, body: unknown) => client.rest.post(route, { body }));
  return {
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
