import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommand,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
  ApplicationCommandType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import type { Clock } from '../clock.ts';
import type { FailureLog } from '../failures.ts';
import type { Gateway } from '../gateway/gateway.ts';
import { interactionJson } from '../payloads/interaction-json.ts';
import type { Waiter } from '../waiting.ts';
import type { ApplicationCommands } from '../world/application-commands.ts';
import type { StandinGuild } from '../world/guild.ts';
import { type ChannelRecord, type StandinChannel, type StandinMember, type StandinUser, isMember } from '../world/records.ts';
import type { World } from '../world/world.ts';
import { type OptionsRequest, type RawOption, buildInteractionOptions } from './command-options.ts';
import { InteractionExchange } from './interaction-exchange.ts';
import { answerTopic, type InteractionLedger, type InteractionRecord } from './interaction-ledger.ts';

export interface Invocation {
  /** Who acts; a member brings their guild along. */
  user: StandinUser | StandinMember;
  guild?: StandinGuild;
  /** Defaults to the guild's #general, or the user's DM with the bot when there is no guild. */
  channel?: StandinChannel;
}

export interface CommandInvocation extends Invocation, Omit<OptionsRequest, 'focused'> {
  name: string;
}

export interface AutocompleteInvocation extends CommandInvocation {
  focused: { name: string; value: string | number };
}

export interface ButtonClick {
  user: StandinUser | StandinMember;
  /** A message the bot sent, e.g. `reply.message` or one from `messagesIn()`. */
  message: Pick<APIMessage, 'id'>;
  customId: string;
}

export interface ConversationParts {
  world: World;
  commands: ApplicationCommands;
  ledger: InteractionLedger;
  gateway: Gateway;
  waiter: Waiter;
  clock: Clock;
  failures: FailureLog;
  applicationId: string;
}

/** Plays the user's side: sends interactions over the gateway and waits for the bot to answer them. */
export class Conversation {
  constructor(private readonly parts: ConversationParts) {}

  async command(invocation: CommandInvocation): Promise<InteractionExchange> {
    const place = this.placeOf(invocation);
    const command = await this.registeredCommand(invocation.name, place.guild);
    const { options, resolved } = buildInteractionOptions(command, invocation, { guild: place.guild, userId: place.user.id, channel: place.channel });
    const label = `/${[invocation.name, invocation.group, invocation.subcommand].filter(Boolean).join(' ')}`;
    return this.send(InteractionType.ApplicationCommand, label, place, commandData(command, options, resolved), {
      commandName: command.name,
    });
  }

  /** Sends an autocomplete interaction and resolves with the choices the bot offered. */
  async autocomplete(invocation: AutocompleteInvocation): Promise<APIApplicationCommandOptionChoice[]> {
    const place = this.placeOf(invocation);
    const command = await this.registeredCommand(invocation.name, place.guild);
    const { options } = buildInteractionOptions(command, invocation, { guild: place.guild, userId: place.user.id, channel: place.channel });
    const label = `autocomplete of /${invocation.name} ${invocation.focused.name}:${JSON.stringify(invocation.focused.value)}`;
    const exchange = await this.send(InteractionType.ApplicationCommandAutocomplete, label, place, commandData(command, options), {
      commandName: command.name,
    });
    return exchange.callback.data?.choices ?? [];
  }

  async clickButton(click: ButtonClick): Promise<InteractionExchange> {
    const { world } = this.parts;
    const stored = world.messages.get(click.message.id);
    if (!stored) throw new Error(`cannot click on message ${click.message.id}: no such message (was it deleted?)`);
    const buttons = findButtons(stored.json.components ?? []);
    const button = buttons.find((candidate) => candidate.custom_id === click.customId);
    if (!button) {
      const available = buttons.map((candidate) => JSON.stringify(candidate.custom_id)).join(', ') || 'none';
      throw new Error(`message ${stored.json.id} has no button with custom_id ${JSON.stringify(click.customId)} (it has: ${available})`);
    }
    if (button.disabled) throw new Error(`button ${JSON.stringify(click.customId)} on message ${stored.json.id} is disabled`);
    const channel = world.channel(stored.json.channel_id)!;
    const guild = world.guildOf(channel);
    const place = this.placeOf({ user: click.user, channel, ...(guild ? { guild } : {}) });
    const data = { custom_id: click.customId, component_type: ComponentType.Button };
    const label = `button ${JSON.stringify(click.customId)} on message ${stored.json.id}`;
    return this.send(InteractionType.MessageComponent, label, place, data, {
      sourceMessageId: stored.json.id,
      message: structuredClone(stored.json),
    });
  }

  private async send(
    type: InteractionType,
    label: string,
    place: { user: StandinUser; guild?: StandinGuild; channel: ChannelRecord },
    data: unknown,
    extra: { commandName?: string; sourceMessageId?: string; message?: APIMessage },
  ): Promise<InteractionExchange> {
    const { world, ledger, gateway, waiter, clock, applicationId } = this.parts;
    const record: InteractionRecord = {
      id: world.ids.next(),
      token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
      type,
      label,
      user: place.user,
      channel: place.channel,
      guildId: place.guild?.id ?? null,
      createdAt: clock.now(),
      ...(extra.commandName ? { commandName: extra.commandName } : {}),
      ...(extra.sourceMessageId ? { sourceMessageId: extra.sourceMessageId } : {}),
      loading: false,
      edits: [],
      followUps: [],
      followUpMessageIds: [],
    };
    ledger.add(record);
    const payload = interactionJson({
      ...place,
      id: record.id,
      token: record.token,
      applicationId,
      botId: world.bot.id,
      type,
      data,
      ...(extra.message ? { message: extra.message } : {}),
    });
    await gateway.dispatchTo(record.guildId, GatewayDispatchEvents.InteractionCreate, payload);
    const outcome = await waiter.until(
      `the bot's response to ${label}`,
      () => (record.callback ? 'answered' : record.rejection ? 'rejected' : undefined),
      { explain: this.explain, topic: answerTopic(record) },
    );
    if (outcome === 'rejected') throw new Error(`Discord rejected the bot's response to ${label}: ${record.rejection}`);
    return new InteractionExchange(record, world.messages, waiter, this.explain);
  }

  private registeredCommand(name: string, guild: StandinGuild | undefined) {
    const { commands, waiter } = this.parts;
    const guildId = guild?.id ?? null;
    return waiter.until(`/${name} to be registered by the bot`, () => commands.find(name, guildId), {
      explain: () => commands.describe(guildId),
    });
  }

  /** Who acts where; checks that the user may act in that guild and channel. */
  private placeOf(invocation: Invocation): { user: StandinUser; guild?: StandinGuild; channel: ChannelRecord } {
    const { world } = this.parts;
    const guild = invocation.guild ?? (isMember(invocation.user) ? invocation.user.guild : undefined);
    const user = isMember(invocation.user) ? invocation.user.user : invocation.user;
    if (guild && !guild.member(user.id)) throw new Error(`${user.username} is not a member of guild ${guild.name}`);
    const requested = invocation.channel ?? guild?.general;
    const channel = requested ? world.channel(requested.id) : world.dmChannelWith(user);
    if (!channel) throw new Error(`channel ${requested?.name ?? requested?.id} does not exist (was it deleted?)`);
    if ((channel.guildId ?? undefined) !== guild?.id)
      throw new Error(`channel ${channel.name ?? channel.id} is not in ${guild ? `guild ${guild.name}` : 'a DM'}`);
    if (guild && (guild.permissionsIn(channel, user.id) & PermissionFlagsBits.ViewChannel) === 0n) {
      throw new Error(`${user.username} cannot see #${channel.name} (channel overwrites), so cannot interact there`);
    }
    return { user, ...(guild ? { guild } : {}), channel };
  }

  private readonly explain = (): string => {
    const problems = this.parts.failures.describe();
    return problems ? `Problems recorded so far:\n${problems}` : 'No problems were recorded; did the bot see the interaction?';
  };
}

function commandData(command: APIApplicationCommand, options: RawOption[], resolved?: object) {
  return {
    id: command.id,
    name: command.name,
    type: ApplicationCommandType.ChatInput,
    options,
    ...(resolved ? { resolved } : {}),
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
  };
}

interface ButtonJson {
  custom_id?: string;
  disabled?: boolean;
}

function findButtons(components: readonly unknown[]): ButtonJson[] {
  return components.flatMap((component) => {
    const json = component as { type?: number; components?: unknown[]; accessory?: unknown };
    const nested = [...(json.components ?? []), ...(json.accessory ? [json.accessory] : [])];
    return [...(json.type === ComponentType.Button ? [json as ButtonJson] : []), ...findButtons(nested)];
  });
}
