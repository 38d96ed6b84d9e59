import type { APIApplicationCommandOptionChoice, APIMessage } from 'discord.js';
import type { InteractionExchange } from 'discord-standin';
import { nextPostTime } from '../../src/schedule/due.ts';
import { localDate } from '../../src/util/time.ts';
import type { PlaygroundWorld } from './playground-world.ts';
import { minutesOfWork } from './minutes-of-work.ts';

/** An interaction the page started, kept so its ephemeral answers can be shown to the member who acted (and no one else). */
interface Asked {
  userId: string;
  channelId: string;
  exchange: InteractionExchange;
}

export interface CommandRequest {
  as: string;
  channel: string;
  name: string;
  subcommand?: string;
  options?: Record<string, string | number | boolean>;
}

/** What the page can do in the world: act as a member, and move the bot's clock. */
export function playgroundActions(world: PlaygroundWorld) {
  const asked: Asked[] = [];
  const person = (id: string) => world.people.find((member) => member.id === id) ?? world.people[1]!;
  /** A channel of the server, or the member's own DM with the bot; anything else is #study. */
  const channelOf = (id: string, userId: string) => {
    const channel = world.discord.channel(id);
    const ownDm = world.discord.dmChannelOf(person(userId).user);
    return channel && (channel.guildId === world.guild.id || channel.id === ownDm.id) ? channel : world.study;
  };
  /** Options that name a member, a channel or a role are sent as those (the page sends their ids). */
  const resolveOption = (value: string | number | boolean) =>
    typeof value !== 'string'
      ? value
      : (world.people.find((member) => member.id === value) ??
        world.guild.channels.find((channel) => channel.id === value) ??
        world.guild.roles.find((role) => role.id === value) ??
        value);
  const invocation = (request: CommandRequest) => {
    const user = person(request.as);
    const channel = channelOf(request.channel, user.id);
    const inDm = channel.guildId === undefined || channel.guildId === null;
    const options = Object.fromEntries(Object.entries(request.options ?? {}).map(([name, value]) => [name, resolveOption(value)]));
    return {
      user: inDm ? user.user : user,
      ...(inDm ? {} : { guild: world.guild }),
      channel,
      name: request.name,
      subcommand: request.subcommand,
      options,
    };
  };
  const keep = (userId: string, channelId: string, exchange: InteractionExchange) => {
    asked.push({ userId, channelId, exchange });
    return exchange;
  };
  return {
    async command(request: CommandRequest) {
      const call = invocation(request);
      return keep(call.user.id, call.channel.id, await world.discord.command(call as never));
    },
    autocomplete(request: CommandRequest & { focused: { name: string; value: string } }): Promise<APIApplicationCommandOptionChoice[]> {
      return world.discord.autocomplete({ ...invocation(request), focused: request.focused } as never);
    },
    async click(request: { as: string; channel: string; messageId: string; customId: string }) {
      const user = person(request.as);
      const channel = channelOf(request.channel, user.id);
      const clicker = channel.guildId ? user : user.user;
      return keep(
        user.id,
        channel.id,
        await world.discord.clickButton({ user: clicker, message: { id: request.messageId }, customId: request.customId }),
      );
    },
    /** The ephemeral messages the member has been answered with in the channel: only they see these. */
    ephemeralFor(userId: string, channelId: string): APIMessage[] {
      return asked
        .filter((entry) => entry.userId === userId && entry.channelId === channelId)
        .flatMap(({ exchange }) => [...safely(() => [exchange.message]), ...exchange.followUpMessages])
        .filter((message) => (Number(message.flags ?? 0) & 64) !== 0)
        .filter((message, i, all) => all.findIndex((other) => other.id === message.id) === i);
    },
    /** Moves the clock to the next lesson of the day (or a day on) and runs the minute's work, as the timer would. */
    async moveClock(to: 'next-post' | 'next-day') {
      const now = world.clock.now();
      // The server's schedule as it is now: an organiser may have changed it with /schedule.
      const schedule = (await world.bot.poster.scheduleOf(world.guild.id))?.config ?? world.schedule;
      const today = localDate(now, schedule.timeZone);
      const posted = await world.store.schedules.getPost(world.guild.id, today);
      const next = to === 'next-day' ? new Date(now.getTime() + 86_400_000) : nextPostTime(schedule, now, posted ? today : undefined);
      if (to === 'next-post' && !next)
        throw new Error('The lesson of the day is paused or finished: /schedule resume (as the organiser) starts it again.');
      const target = next ?? now;
      // Each minute a reminder or the recap would have fired on the way, as the minute timer would have.
      for (const at of [...(await minutesOfWork(world, schedule.timeZone, now, target)), target]) {
        world.clock.set(at);
        await world.bot.poster.tick();
        await world.bot.recaps.tick();
        await world.bot.remindNow();
      }
      return world.clock.now();
    },
  };
}

function safely<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}

export type PlaygroundActions = ReturnType<typeof playgroundActions>;
