import { GatewayIntentBits } from 'discord.js';
import { memberJson } from '../payloads/entities.ts';
import type { World } from '../world/world.ts';

/** Why the stand-in refuses a gateway URL's query, if it does. */
export function unsupportedQuery(query: Record<string, string>): string | undefined {
  if (query.v !== '10') return `gateway version v=${query.v ?? '(none)'} requested; the stand-in speaks v=10`;
  if ((query.encoding ?? 'json') !== 'json') return `encoding=${query.encoding} requested; the stand-in speaks json`;
  if (query.compress) return `compress=${query.compress} requested; the stand-in does not compress (is zlib-sync installed?)`;
  return undefined;
}

/** The "limited" gateway intent flags Discord sets when a privileged intent is enabled in the portal. */
export function applicationFlags(privilegedIntents: number): number {
  let flags = 0;
  if (privilegedIntents & GatewayIntentBits.GuildPresences) flags |= 1 << 13;
  if (privilegedIntents & GatewayIntentBits.GuildMembers) flags |= 1 << 15;
  if (privilegedIntents & GatewayIntentBits.MessageContent) flags |= 1 << 19;
  return flags;
}

/** The GUILD_MEMBERS_CHUNK answering opcode 8 (Request Guild Members), all in one chunk. */
export function memberChunk(world: World, request: Record<string, unknown>): Record<string, unknown> | undefined {
  const guild = world.guilds.get(String(request.guild_id));
  if (!guild) return undefined;
  const userIds = Array.isArray(request.user_ids)
    ? request.user_ids.map(String)
    : typeof request.user_ids === 'string'
      ? [request.user_ids]
      : undefined;
  const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
  const limit = typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
  const members = guild.members
    .filter((member) => (userIds ? userIds.includes(member.id) : member.username.toLowerCase().startsWith(query)))
    .slice(0, limit);
  return {
    guild_id: guild.id,
    members: members.map(memberJson),
    chunk_index: 0,
    chunk_count: 1,
    not_found: userIds ? userIds.filter((id) => !guild.member(id)) : [],
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  };
}
