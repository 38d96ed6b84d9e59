import { GatewayOpcodes, type GatewayReadyDispatchData } from 'discord.js';
import type { StandinUser } from '../world/records.ts';
import { currentUserJson } from './entities.ts';

export function helloJson(heartbeatIntervalMs: number) {
  return { op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs, _trace: ['["discord-standin",{}]'] }, s: null, t: null };
}

export interface ReadySource {
  bot: StandinUser;
  sessionId: string;
  resumeUrl: string;
  shard: [number, number];
  guildIds: string[];
  applicationId: string;
  applicationFlags: number;
}

/** READY lists the shard's guilds as unavailable stubs; each then arrives in full as GUILD_CREATE. */
export function readyJson(source: ReadySource): GatewayReadyDispatchData {
  return {
    v: 10,
    user: currentUserJson(source.bot),
    guilds: source.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: source.sessionId,
    resume_gateway_url: source.resumeUrl,
    shard: source.shard,
    application: { id: source.applicationId, flags: source.applicationFlags, flags_new: String(source.applicationFlags) },
  };
}
