import { ChannelType, MessageFlags, PermissionFlagsBits as P } from 'discord.js';
import { DiscordHttpError, discordErrors, discordRefusals } from '../http/discord-errors.ts';
import type { RestRoute } from '../http/rest-server.ts';
import { channelJson } from '../payloads/entities.ts';
import type { MessageFields, UploadedFile } from '../payloads/message-json.ts';
import type { ChannelRecord } from '../world/records.ts';
import { botChannelAccess } from './bot-channel-access.ts';
import { type RouteContext, failWith, requireValidBody } from './route-context.ts';

const DEFAULT_AUTO_ARCHIVE_MINUTES = 4320;
const NONCE_WINDOW_MS = 5 * 60_000;

/**
 * Channels, messages, threads started from messages, and DM channels. The bot's permissions in the
 * channel (overwrites included) are checked the way Discord checks them; a deleted channel is 404.
 */
export function channelRoutes(context: RouteContext): RestRoute[] {
  const { world } = context;
  const { requireView, requirePermissions } = botChannelAccess(world);
  const channelOf = (id: string) =>
    world.channel(id) ?? failWith(world.wasDeleted(id) ? discordRefusals.deletedChannel(id) : discordErrors.unknownChannel(id));
  /** Sending needs Send Messages (in threads: Send Messages in Threads), files Attach Files. */
  const requireSend = (channel: ChannelRecord, files: UploadedFile[], action: string) => {
    const send = channel.thread ? P.SendMessagesInThreads : P.SendMessages;
    return requirePermissions(channel, send | (files.length > 0 ? P.AttachFiles : 0n), action);
  };
  /** With `enforce_nonce`, Discord answers a repeated nonce from the same author within a few minutes with the earlier message. */
  const recentWithNonce = (channel: ChannelRecord, nonce: string | number | null | undefined) =>
    nonce === undefined || nonce === null
      ? undefined
      : world.messages
          .visibleIn(channel.id)
          .find(
            (message) =>
              message.author.id === world.bot.id && message.nonce === nonce && context.clock.now() - Date.parse(message.timestamp) < NONCE_WINDOW_MS,
          );
  const messageIn = (channel: ChannelRecord, id: string) => {
    const stored = world.messages.get(id);
    if (!stored || stored.ephemeral || stored.json.channel_id !== channel.id) throw discordErrors.unknownMessage(id);
    return stored.json;
  };

  return [
    {
      method: 'GET',
      pattern: '/channels/:channel_id',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channel_id!);
        requireView(channel);
        return { status: 200, body: channelJson(channel) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel_id/messages',
      auth: true,
      handle: ({ params, query }) => {
        const channel = channelOf(params.channel_id!);
        // Without Read Message History Discord answers with no messages rather than an error.
        if ((requireView(channel) & P.ReadMessageHistory) === 0n) return { status: 200, body: [] };
        const limit = Math.min(Number(query.get('limit') ?? 50), 100);
        return { status: 200, body: world.messages.visibleIn(channel.id).reverse().slice(0, limit) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel_id/messages',
      auth: true,
      handle: ({ params, body, files }) => {
        const channel = channelOf(params.channel_id!);
        const valid = requireValidBody('message-create', body, { hasFiles: files.length > 0 }) as MessageFields;
        const granted = requireSend(channel, files, 'send a message');
        if (channel.recipient && !world.acceptsDmsFromBot(channel.recipient.id)) throw discordRefusals.cannotMessageUser(channel.recipient.id);
        const earlier = valid.enforce_nonce ? recentWithNonce(channel, valid.nonce) : undefined;
        if (earlier) return { status: 200, body: earlier };
        return { status: 200, body: world.postMessage(channel, withoutUnpermittedEmbeds(valid, granted), { files }) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channel_id!);
        requireView(channel, P.ReadMessageHistory);
        return { status: 200, body: messageIn(channel, params.message_id!) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params, body, files }) => {
        const channel = channelOf(params.channel_id!);
        const valid = requireValidBody('message-edit', body);
        const granted = requireView(channel);
        const message = messageIn(channel, params.message_id!);
        if (message.author.id !== world.bot.id) {
          throw new DiscordHttpError(
            403,
            { message: 'Cannot edit a message authored by another user', code: 50005 },
            {
              kind: 'invalid-body',
              reasons: [`the bot tried to edit message ${message.id} by ${message.author.username}`],
            },
          );
        }
        if (files.length > 0) requirePermissions(channel, P.AttachFiles, 'attach files');
        return { status: 200, body: world.editMessage(message.id, withoutUnpermittedEmbeds(valid as MessageFields, granted), files) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channel_id!);
        requireView(channel);
        const message = messageIn(channel, params.message_id!);
        if (message.author.id !== world.bot.id) requirePermissions(channel, P.ManageMessages, "delete another user's message");
        world.deleteMessage(message.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel_id/messages/:message_id/threads',
      auth: true,
      handle: ({ params, body }) => {
        const channel = channelOf(params.channel_id!);
        const valid = requireValidBody('thread-from-message', body);
        requireView(channel);
        const starter = messageIn(channel, params.message_id!);
        requirePermissions(channel, P.CreatePublicThreads, 'start a thread');
        if (channel.type !== ChannelType.GuildText) {
          throw new DiscordHttpError(
            400,
            { message: 'Cannot execute action on this channel type', code: 50024 },
            {
              kind: 'invalid-body',
              reasons: [`threads can only start from messages in text channels (channel ${channel.id} has type ${channel.type})`],
            },
          );
        }
        if (starter.thread) {
          throw new DiscordHttpError(
            400,
            { message: 'A thread has already been created for this message', code: 160004 },
            {
              kind: 'invalid-body',
              reasons: [`message ${starter.id} already has a thread`],
            },
          );
        }
        const thread = startThread(
          context,
          channel,
          starter.id,
          String(valid.name),
          Number(valid.auto_archive_duration ?? DEFAULT_AUTO_ARCHIVE_MINUTES),
        );
        world.messages.replace(starter.id, {
          ...starter,
          thread: channelJson(thread) as never,
          flags: ((starter.flags ?? 0) | MessageFlags.HasThread) as MessageFlags,
        });
        return { status: 201, body: channelJson(thread) };
      },
    },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: ({ body }) => {
        const valid = requireValidBody('dm-channel-create', body);
        const user = world.users.get(String(valid.recipient_id)) ?? failWith(discordErrors.unknownUser(String(valid.recipient_id)));
        return { status: 200, body: channelJson(world.dmChannelWith(user)) };
      },
    },
  ];
}

/** Discord drops the bot's embeds, without an error, where it lacks Embed Links. */
function withoutUnpermittedEmbeds(fields: MessageFields, granted: bigint): MessageFields {
  return (granted & P.EmbedLinks) === 0n && fields.embeds ? { ...fields, embeds: [] } : fields;
}

/** A thread started from a message has the message's id, as on Discord. */
function startThread(context: RouteContext, parent: ChannelRecord, starterId: string, name: string, autoArchiveDuration: number): ChannelRecord {
  const guild = context.world.guildOf(parent);
  if (!guild) throw discordErrors.unknownChannel(parent.id);
  const thread: ChannelRecord = {
    id: starterId,
    type: ChannelType.PublicThread,
    name,
    guildId: guild.id,
    parentId: parent.id,
    position: 0,
    topic: null,
    permissionOverwrites: [],
    lastMessageId: null,
    thread: {
      ownerId: context.world.bot.id,
      autoArchiveDuration,
      archived: false,
      locked: false,
      createdAt: new Date().toISOString(),
      messageCount: 0,
    },
  };
  guild.addChannel(thread);
  return thread;
}
