import type { APIMessage } from 'discord.js';
import type { PlaygroundActions } from './playground-actions.ts';
import type { PlaygroundWorld } from './playground-world.ts';

/** One channel as the page lists it: the server's channels and their threads, then the acting member's DM with the bot. */
interface ChannelEntry {
  id: string;
  name: string;
  kind: 'text' | 'thread' | 'dm';
  parentId?: string;
}

/** Everything the page shows, for the member it acts as and the channel it has open. */
export function playgroundState(world: PlaygroundWorld, actions: PlaygroundActions, asUserId: string, channelId: string) {
  const me = world.people.find((member) => member.id === asUserId) ?? world.people[1]!;
  const dm = world.discord.dmChannelOf(me.user);
  const textChannels = world.guild.channels.filter((channel) => !channel.thread);
  const channels: ChannelEntry[] = [
    ...textChannels.flatMap((channel) => [
      { id: channel.id, name: channel.name ?? channel.id, kind: 'text' as const },
      ...world.discord
        .threadsIn(channel)
        .map((thread) => ({ id: thread.id, name: thread.name ?? thread.id, kind: 'thread' as const, parentId: channel.id })),
    ]),
    { id: dm.id, name: 'Study Companion (DM)', kind: 'dm' },
  ];
  const open = channels.find((channel) => channel.id === channelId) ?? channels.find((channel) => channel.id === world.study.id)!;
  const visible = world.discord.messagesIn(open.id);
  const ephemeral = actions.ephemeralFor(me.id, open.id).map((message) => ({ ...message, onlyYou: true }));
  const messages = [...visible, ...ephemeral].sort((a, b) => compareIds(a.id, b.id));
  return {
    clock: world.clock.now().toISOString(),
    me: me.id,
    bot: { id: world.discord.bot.id, name: world.discord.bot.username },
    guild: { id: world.guild.id, name: world.guild.name },
    people: world.people.map((member) => ({ id: member.id, name: member.globalName ?? member.username, organiser: member === world.people[0] })),
    channels,
    /** The roles an option can name (neither @everyone nor the bot's own). */
    roles: world.guild.roles.filter((role) => role.id !== world.guild.id && !role.botId).map((role) => ({ id: role.id, name: role.name })),
    open: open.id,
    messages: messages as (APIMessage & { onlyYou?: boolean })[],
    failures: world.discord.failures.map((failure) => failure.summary),
    commands: world.discord.commands.list(),
  };
}

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

export type PlaygroundState = ReturnType<typeof playgroundState>;
