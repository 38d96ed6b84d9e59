import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { WebSocket } from 'ws';
import type { FailureLog } from '../failures.ts';
import { helloJson } from '../payloads/gateway-json.ts';
import type { GatewaySession, IdentifyRecord } from './gateway-session.ts';

const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** What a connection needs from the gateway that owns the sessions. */
export interface ConnectionHost {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  /** Privileged intents "enabled in the developer portal". */
  readonly privilegedIntents: number;
  readonly failures: FailureLog;
  startSession(socket: WebSocket, identify: Omit<IdentifyRecord, 'sessionId' | 'guildIds'>): GatewaySession;
  resumeSession(socket: WebSocket, sessionId: string, token: string, seq: number): GatewaySession | undefined;
  answerMemberRequest(session: GatewaySession, request: Record<string, unknown>): void;
  heartbeat(): void;
}

type Payload = { op: number; d: unknown };

/** The gateway protocol on one WebSocket: Hello, then Identify or Resume, heartbeats, and requests. */
export class GatewayConnection {
  private session: GatewaySession | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly host: ConnectionHost,
  ) {
    socket.on('message', (data) => this.receive(data.toString()));
    socket.send(JSON.stringify(helloJson(host.heartbeatIntervalMs)));
  }

  private receive(text: string): void {
    let payload: Payload;
    try {
      payload = JSON.parse(text) as Payload;
    } catch {
      return this.refuse(GatewayCloseCodes.DecodeError, 'the bot sent a gateway payload that is not JSON');
    }
    const data = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.host.heartbeat();
        return this.socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      case GatewayOpcodes.Identify:
        return this.identify(data);
      case GatewayOpcodes.Resume:
        return this.resume(data);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        this.requireSession(payload.op);
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (this.requireSession(payload.op)) this.host.answerMemberRequest(this.session!, data);
        return;
      default:
        return this.refuse(GatewayCloseCodes.UnknownOpcode, `the bot sent unknown gateway opcode ${String(payload.op)}`);
    }
  }

  private identify(data: Record<string, unknown>): void {
    if (this.session) return this.refuse(GatewayCloseCodes.AlreadyAuthenticated, 'the bot identified twice on one connection');
    if (data.token !== this.host.token) return this.refuse(GatewayCloseCodes.AuthenticationFailed, 'the bot identified with the wrong token');
    if (typeof data.intents !== 'number') return this.refuse(GatewayCloseCodes.InvalidIntents, 'identify is missing the intents bitfield');
    const disallowed = data.intents & PRIVILEGED_INTENTS & ~this.host.privilegedIntents;
    if (disallowed !== 0) {
      return this.refuse(
        GatewayCloseCodes.DisallowedIntents,
        `identify asked for privileged intents ${intentNames(disallowed)} that the application has not enabled (startStandin({ privilegedIntents }) enables them)`,
      );
    }
    const shard = (data.shard ?? [0, 1]) as [number, number];
    if (!Array.isArray(shard) || !Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[0] < 0 || shard[0] >= shard[1]) {
      return this.refuse(GatewayCloseCodes.InvalidShard, `identify has an invalid shard ${JSON.stringify(data.shard)}`);
    }
    const properties = (data.properties ?? {}) as Record<string, unknown>;
    for (const key of ['os', 'browser', 'device']) {
      if (typeof properties[key] !== 'string') this.host.failures.record('gateway', `gateway identify: properties.${key} is missing`);
    }
    this.session = this.host.startSession(this.socket, {
      token: data.token,
      intents: data.intents,
      shard,
      properties,
      compress: data.compress === true,
      ...(typeof data.large_threshold === 'number' ? { largeThreshold: data.large_threshold } : {}),
      ...(data.presence !== undefined ? { presence: data.presence } : {}),
    });
  }

  private resume(data: Record<string, unknown>): void {
    this.session = this.host.resumeSession(this.socket, String(data.session_id), String(data.token), Number(data.seq));
  }

  private requireSession(op: number): boolean {
    if (this.session) return true;
    this.refuse(GatewayCloseCodes.NotAuthenticated, `the bot sent opcode ${op} before identifying`);
    return false;
  }

  private refuse(code: GatewayCloseCodes, reason: string): void {
    this.host.failures.record('gateway', `gateway: ${reason} (closed with ${code})`);
    this.socket.close(code, reason.slice(0, 120));
  }
}

function intentNames(bits: number): string {
  return Object.entries(GatewayIntentBits)
    .filter(([, value]) => typeof value === 'number' && (bits & value) !== 0)
    .map(([name]) => name)
    .join(', ');
}
