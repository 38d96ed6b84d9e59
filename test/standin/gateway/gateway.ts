import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FailureLog } from '../failures.ts';
import { guildCreateJson } from '../payloads/guild-json.ts';
import { readyJson } from '../payloads/gateway-json.ts';
import type { Waiter } from '../waiting.ts';
import type { World, WorldEvent } from '../world/world.ts';
import { type ConnectionHost, GatewayConnection } from './gateway-connection.ts';
import { applicationFlags, memberChunk, unsupportedQuery } from './gateway-rules.ts';
import { type IdentifyRecord, type ResumeRecord, GatewaySession } from './gateway-session.ts';

export interface GatewayOptions {
  world: World;
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  privilegedIntents: number;
  failures: FailureLog;
  waiter: Waiter;
  resumeUrl: () => string;
}

export interface ConnectionRecord {
  path: string;
  query: Record<string, string>;
}

/** The gateway WebSocket: sessions, dispatches, and the controls tests use to disturb the connection. */
export class Gateway implements ConnectionHost {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: ConnectionRecord[] = [];
  heartbeats = 0;
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly sockets = new Set<WebSocket>();
  private readonly server = new WebSocketServer({ noServer: true });

  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly privilegedIntents: number;
  readonly failures: FailureLog;

  constructor(private readonly options: GatewayOptions) {
    this.token = options.token;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs;
    this.privilegedIntents = options.privilegedIntents;
    this.failures = options.failures;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Waits until every shard of the bot has a connected session that received READY. */
  waitForReady(): Promise<GatewaySession[]> {
    return this.options.waiter.until('the bot to connect to the gateway and receive READY', () => {
      const live = [...this.sessions.values()].filter((session) => session.live);
      const shardCount = live.at(-1)?.shard[1];
      if (shardCount === undefined) return undefined;
      const shards = live.filter((session) => session.shard[1] === shardCount);
      const complete = new Set(shards.map((session) => session.shard[0])).size === shardCount;
      return complete ? shards : undefined;
    });
  }

  /** Resolves once the bot has identified `count` times in total. */
  waitForIdentifies(count: number): Promise<IdentifyRecord[]> {
    return this.options.waiter.until(`${count} gateway identify(s)`, () => (this.identifies.length >= count ? [...this.identifies] : undefined));
  }

  /** Resolves once the bot has tried to resume `count` times in total. */
  waitForResumes(count: number): Promise<ResumeRecord[]> {
    return this.options.waiter.until(`${count} gateway resume(s)`, () => (this.resumes.length >= count ? [...this.resumes] : undefined));
  }

  /** Sends an event to the session that owns the guild (shard 0 for DMs), waiting for one to be connected. */
  async dispatchTo(guildId: string | null, event: string, data: unknown): Promise<void> {
    const session = await this.options.waiter.until(`a gateway session that receives events for ${guildId ? `guild ${guildId}` : 'DMs'}`, () =>
      [...this.sessions.values()].reverse().find((candidate) => candidate.live && candidate.covers(guildId)),
    );
    session.dispatch(event, data);
  }

  publish(event: WorldEvent): void {
    for (const session of this.sessions.values()) {
      if (session.live && session.covers(event.guildId) && session.wants(event.intent)) session.dispatch(event.name, event.data);
    }
  }

  /** Opcode 7: Discord asks the bot to reconnect and resume. */
  requestReconnect(): number {
    return this.sendToAll({ op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Opcode 9; a non-resumable invalid session forgets the session, so the bot must identify again. */
  invalidateSessions({ resumable }: { resumable: boolean }): number {
    const told = this.sendToAll({ op: GatewayOpcodes.InvalidSession, d: resumable });
    for (const session of this.sessions.values()) {
      session.ready = false;
      if (!resumable) this.sessions.delete(session.id);
    }
    return told;
  }

  /** Cuts every socket without a close frame, as a network drop would. */
  dropConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.terminate();
    return count;
  }

  startSession(socket: WebSocket, identify: Omit<IdentifyRecord, 'sessionId' | 'guildIds'>): GatewaySession {
    const session = new GatewaySession(identify.shard, identify.intents);
    this.sessions.set(session.id, session);
    session.socket = socket;
    const guilds = [...this.options.world.guilds.values()].filter((guild) => session.covers(guild.id));
    this.identifies.push({ ...identify, sessionId: session.id, guildIds: guilds.map((guild) => guild.id) });
    const { world } = this.options;
    session.dispatch(
      GatewayDispatchEvents.Ready,
      readyJson({
        bot: world.bot,
        sessionId: session.id,
        resumeUrl: this.options.resumeUrl(),
        shard: identify.shard,
        guildIds: guilds.map((guild) => guild.id),
        applicationId: this.options.applicationId,
        applicationFlags: applicationFlags(this.privilegedIntents),
      }),
    );
    if (session.wants(GatewayIntentBits.Guilds)) {
      for (const guild of guilds) session.dispatch(GatewayDispatchEvents.GuildCreate, guildCreateJson(guild, world.bot.id));
    }
    session.ready = true;
    this.options.waiter.notify();
    return session;
  }

  resumeSession(socket: WebSocket, sessionId: string, token: string, seq: number): GatewaySession | undefined {
    const session = this.sessions.get(sessionId);
    const resumed = session !== undefined && token === this.token;
    this.resumes.push({ sessionId, seq, resumed });
    if (!session || !resumed) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      this.options.waiter.notify();
      return undefined;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    // Events missed while disconnected are not replayed; RESUMED comes straight away.
    session.dispatch(GatewayDispatchEvents.Resumed, { _trace: ['["discord-standin",{}]'] });
    session.ready = true;
    this.options.waiter.notify();
    return session;
  }

  answerMemberRequest(session: GatewaySession, request: Record<string, unknown>): void {
    const chunk = memberChunk(this.options.world, request);
    if (chunk) session.dispatch(GatewayDispatchEvents.GuildMembersChunk, chunk);
  }

  heartbeat(): void {
    this.heartbeats += 1;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'ws://standin.invalid');
    const query = Object.fromEntries(url.searchParams);
    this.connections.push({ path: url.pathname, query });
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const session of this.sessions.values()) {
        if (session.socket === socket) session.socket = undefined;
      }
      this.options.waiter.notify();
    });
    socket.on('error', () => socket.terminate());
    const problem = unsupportedQuery(query);
    if (problem) {
      this.failures.record('gateway', `gateway connect: ${problem}`);
      socket.close(GatewayCloseCodes.InvalidAPIVersion, problem.slice(0, 120));
      return;
    }
    new GatewayConnection(socket, this);
  }

  private sendToAll(payload: { op: number; d: unknown }): number {
    for (const socket of this.sockets) socket.send(JSON.stringify(payload));
    return this.sockets.size;
  }
}
