import { ChannelType, MessageFlags } from 'discord.js';
import { DiscordHttpError, discordErrors } from '../http/discord-errors.ts';
import type { RestRoute } from '../http/rest-server.ts';
import { channelJson } from '../payloads/entities.ts';
import type { MessageFields } from '../payloads/message-json.ts';
import type { ChannelRecord } from '../world/records.ts';
import { type RouteContext, failWith, requireValidBody } from './route-context.ts';

const DEFAULT_AUTO_ARCHIVE_MINUTES = 4320;

/** Channels, messages, threads started from messages, and DM channels. */
export function channelRoutes(context: RouteContext): RestRoute[] {
  const { world } = context;
  const channelOf = (id: string) => world.channel(id) ?? failWith(discordErrors.unknownChannel(id));
  const messageIn = (channel: ChannelRecord, id: string) => {
    const stored = world.messages.get(id);
    if (!stored || stored.ephemeral || stored.json.channel_id !== channel.id) throw discordErrors.unknownMessage(id);
    return stored.json;
  };

  return [
    { method: 'GET', pattern: '/channels/:channel_id', auth: true, handle: ({ params }) => ({ status: 200, body: channelJson(channelOf(params.channel_id!)) }) },
    {
      method: 'GET',
      pattern: '/channels/:channel_id/messages',
      auth: true,
      handle: ({ params, query }) => {
        const limit = Math.min(Number(query.get('limit') ?? 50), 100);
        return { status: 200, body: world.messages.visibleIn(channelOf(params.channel_id!).id).reverse().slice(0, limit) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel_id/messages',
      auth: true,
      handle: ({ params, body, files }) => {
        const channel = channelOf(params.channel_id!);
        const valid = requireValidBody('message-create', body, { hasFiles: files.length > 0 });
        return { status: 200, body: world.postMessage(channel, valid as MessageFields, { files }) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: messageIn(channelOf(params.channel_id!), params.message_id!) }),
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params, body, files }) => {
        const message = messageIn(channelOf(params.channel_id!), params.message_id!);
        if (message.author.id !== world.bot.id) {
          throw new DiscordHttpError(403, { message: 'Cannot edit a message authored by another user', code: 50005 }, {
            kind: 'invalid-body',
            reasons: [`the bot tried to edit message ${message.id} by ${message.author.username}`],
          });
        }
        const valid = requireValidBody('message-edit', body);
        return { status: 200, body: world.editMessage(message.id, valid as MessageFields, files) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel_id/messages/:message_id',
      auth: true,
      handle: ({ params }) => {
        world.deleteMessage(messageIn(channelOf(params.channel_id!), params.message_id!).id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel_id/messages/:message_id/threads',
      auth: true,
      handle: ({ params, body }) => {
        const channel = channelOf(params.channel_id!);
        const starter = messageIn(channel, params.message_id!);
        const valid = requireValidBody('thread-from-message', body);
        if (channel.type !== ChannelType.GuildText) {
          throw new DiscordHttpError(400, { message: 'Cannot execute action on this channel type', code: 50024 }, {
            kind: 'invalid-body',
            reasons: [`threads can only start from messages in text channels (channel ${channel.id} has type ${channel.type})`],
          });
        }
        if (starter.thread) {
          throw new DiscordHttpError(400, { message: 'A thread has already been created for this message', code: 160004 }, {
            kind: 'invalid-body',
            reasons: [`message ${starter.id} already has a thread`],
          });
        }
        const thread = startThread(context, channel, starter.id, String(valid.name), Number(valid.auto_archive_duration ?? DEFAULT_AUTO_ARCHIVE_MINUTES));
        world.messages.replace(starter.id, { ...starter, thread: channelJson(thread) as never, flags: ((starter.flags ?? 0) | MessageFlags.HasThread) as MessageFlags });
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
