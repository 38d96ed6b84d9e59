import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommandOptionChoice, APIAttachment, APIMessage } from 'discord.js';
import type { Failure, FailureLog } from './failures.ts';
import type { Gateway } from './gateway/gateway.ts';
import type { FaultInjector } from './http/faults.ts';
import type { RequestRecord, RestServer, TooManyRequestsRecord } from './http/rest-server.ts';
import type { AutocompleteInvocation, ButtonClick, CommandInvocation, Conversation } from './interactions/conversation.ts';
import type { InteractionExchange } from './interactions/interaction-exchange.ts';
import { type StandinOptions, resolveOptions } from './standin-options.ts';
import { assembleParts, createLoopbackServer } from './standin-parts.ts';
import type { Waiter } from './waiting.ts';
import type { ApplicationCommands } from './world/application-commands.ts';
import type { AddGuildOptions, StandinGuild } from './world/guild.ts';
import type { StandinChannel, StandinUser } from './world/records.ts';
import type { AddUserOptions, World } from './world/world.ts';

/** A Discord look-alike on 127.0.0.1: REST at `apiUrl`, the gateway at `gatewayUrl`, and a test API to converse with the bot. */
export class Standin {
  readonly token: string;
  readonly bot: StandinUser;
  /** The application id, which is also the bot user's id. */
  readonly applicationId: string;
  readonly faults: FaultInjector;
  readonly commands: ApplicationCommands;
  readonly gateway: Gateway;
  private readonly waiter: Waiter;
  private readonly failureLog: FailureLog;
  private readonly world: World;
  private readonly rest: RestServer;
  private readonly conversation: Conversation;
  private readonly server: Server;

  constructor(options: StandinOptions = {}) {
    const parts = assembleParts(resolveOptions(options), () => this.gatewayUrl);
    this.token = parts.token;
    this.applicationId = parts.applicationId;
    this.bot = parts.world.bot;
    this.faults = parts.faults;
    this.commands = parts.commands;
    this.gateway = parts.gateway;
    this.waiter = parts.waiter;
    this.failureLog = parts.failures;
    this.world = parts.world;
    this.rest = parts.rest;
    this.conversation = parts.conversation;
    this.server = createLoopbackServer(parts);
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** For discord.js's `rest.api` option (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `ws://${this.origin}`;
  }

  addGuild(options: AddGuildOptions): StandinGuild {
    return this.world.addGuild(options);
  }

  /** A user who shares no guild with the bot, e.g. to talk to it in DMs. */
  addUser(options: AddUserOptions): StandinUser {
    return this.world.addUser(options);
  }

  /** Resolves once every shard of the bot has connected and received READY and its guilds. */
  async waitForReady(): Promise<void> {
    await this.gateway.waitForReady();
  }

  /** Runs a slash command as the user; resolves once the bot has answered the interaction. */
  command(invocation: CommandInvocation): Promise<InteractionExchange> {
    return this.conversation.command(invocation);
  }

  /** Types into an autocomplete option; resolves with the choices the bot offered. */
  autocomplete(invocation: AutocompleteInvocation): Promise<APIApplicationCommandOptionChoice[]> {
    return this.conversation.autocomplete(invocation);
  }

  /** Clicks a button on a message the bot sent; resolves once the bot has answered the click. */
  clickButton(click: ButtonClick): Promise<InteractionExchange> {
    return this.conversation.clickButton(click);
  }

  /** What the bot uploaded as this attachment (the latest 1,000 uploads are kept). */
  attachmentContent(attachment: APIAttachment | string): Buffer | undefined {
    return this.world.attachmentContent(typeof attachment === 'string' ? attachment : attachment.id);
  }

  /** Messages everyone can see in a channel (not ephemeral ones), oldest first. */
  messagesIn(channel: StandinChannel | string): APIMessage[] {
    return this.world.messages.visibleIn(typeof channel === 'string' ? channel : channel.id);
  }

  /** Resolves with the first visible message in the channel that matches (already there or yet to come). */
  waitForMessageIn(channel: StandinChannel, matching: (message: APIMessage) => boolean = () => true): Promise<APIMessage> {
    return this.waiter.until(`a message in #${channel.name ?? channel.id}`, () => this.messagesIn(channel).find(matching));
  }

  /** The user stops accepting DMs from the bot: sending them one is refused with 403 and code 50007, as on Discord. */
  closeDms(user: StandinUser): void {
    this.world.closeDms(user.id);
  }

  /** The DM channel between the bot and the user (opened now if it was not yet), as the bot would open it. */
  dmChannelOf(user: StandinUser): StandinChannel {
    return this.world.dmChannelWith(user);
  }

  /** Messages the bot sent to a user in their DM channel, oldest first. */
  directMessagesTo(user: StandinUser): APIMessage[] {
    return this.messagesIn(this.world.dmChannelWith(user));
  }

  /** Threads the bot started from messages in a channel. */
  threadsIn(channel: StandinChannel): StandinChannel[] {
    return [...this.world.channels.values()].filter((candidate) => candidate.thread && candidate.parentId === channel.id);
  }

  /** Resolves with the first thread in the channel that matches (already there or yet to come). */
  waitForThreadIn(channel: StandinChannel, matching: (thread: StandinChannel) => boolean = () => true): Promise<StandinChannel> {
    return this.waiter.until(`a thread in #${channel.name ?? channel.id}`, () => this.threadsIn(channel).find(matching));
  }

  channel(id: string): StandinChannel | undefined {
    return this.world.channel(id);
  }

  /** Every REST request the bot made, in order. */
  get requests(): readonly RequestRecord[] {
    return [...this.rest.requests];
  }

  /** Every 429 the stand-in answered (injected ones are marked). */
  get tooManyRequests(): readonly TooManyRequestsRecord[] {
    return [...this.rest.tooManyRequests];
  }

  get failures(): readonly Failure[] {
    return this.failureLog.all;
  }

  /** Returns and forgets the recorded failures, for tests that provoke them on purpose. */
  takeFailures(): Failure[] {
    return this.failureLog.take();
  }

  /** Throws an Error listing every rejected payload, unknown route and protocol mistake so far. */
  assertClean(): void {
    this.failureLog.assertClean();
  }

  async close(): Promise<void> {
    this.waiter.close();
    this.rest.close();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export type { StandinOptions };

export function startStandin(options: StandinOptions = {}): Promise<Standin> {
  return new Standin(options).listen();
}
