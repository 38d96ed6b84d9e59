import { randomBytes } from 'node:crypto';
import { GatewayOpcodes } from 'discord.js';
import { WebSocket } from 'ws';
import { shardOfGuild } from '../snowflake.ts';

export interface IdentifyRecord {
  token: string;
  intents: number;
  shard: [number, number];
  properties: Record<string, unknown>;
  compress: boolean;
  largeThreshold?: number;
  presence?: unknown;
  sessionId: string;
  /** The guilds READY listed for this session (the shard's guilds). */
  guildIds: string[];
}

export interface ResumeRecord {
  sessionId: string;
  seq: number;
  resumed: boolean;
}

/** One identified gateway session; it outlives its socket so that the bot can resume it. */
export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  seq = 0;
  socket: WebSocket | undefined;
  /** READY (or RESUMED) was sent on the current socket. */
  ready = false;

  constructor(
    readonly shard: [number, number],
    readonly intents: number,
  ) {}

  get live(): boolean {
    return this.ready && this.socket?.readyState === WebSocket.OPEN;
  }

  /** DMs go to shard 0, guild events to the guild's shard. */
  covers(guildId: string | null): boolean {
    return guildId === null ? this.shard[0] === 0 : shardOfGuild(guildId, this.shard[1]) === this.shard[0];
  }

  wants(intent: number): boolean {
    return intent === 0 || (this.intents & intent) !== 0;
  }

  dispatch(event: string, data: unknown): void {
    if (!this.socket) return;
    this.seq += 1;
    this.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: this.seq, d: data }));
  }
}
