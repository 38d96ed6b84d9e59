import { OverwriteType, PermissionsBitField } from 'discord.js';
import { ADMINISTRATOR, ALL_PERMISSIONS } from './permissions.ts';

/** A channel permission overwrite for a role (or @everyone, whose id is the guild's) or for one member. */
export interface PermissionOverwrite {
  /** A role id (the guild id for @everyone) or a user id. */
  readonly id: string;
  readonly type: 'role' | 'member';
  readonly allow?: bigint;
  readonly deny?: bigint;
}

/** Whose permissions in a channel are being computed. */
export interface OverwriteSubject {
  readonly guildId: string;
  readonly userId: string;
  readonly roleIds: readonly string[];
}

/**
 * Discord's documented algorithm: administrators (and the owner, whose base is everything) bypass
 * overwrites; otherwise apply @everyone's overwrite, then the union of the member's role overwrites
 * (denies before allows), then the member's own overwrite.
 */
export function applyOverwrites(base: bigint, overwrites: readonly PermissionOverwrite[], subject: OverwriteSubject): bigint {
  if ((base & ADMINISTRATOR) === ADMINISTRATOR) return ALL_PERMISSIONS;
  const everyone = overwrites.find((overwrite) => overwrite.type === 'role' && overwrite.id === subject.guildId);
  let permissions = apply(base, everyone?.deny ?? 0n, everyone?.allow ?? 0n);
  const roleOverwrites = overwrites.filter((overwrite) => overwrite.type === 'role' && subject.roleIds.includes(overwrite.id));
  permissions = apply(permissions, union(roleOverwrites.map((o) => o.deny)), union(roleOverwrites.map((o) => o.allow)));
  const own = overwrites.find((overwrite) => overwrite.type === 'member' && overwrite.id === subject.userId);
  return apply(permissions, own?.deny ?? 0n, own?.allow ?? 0n);
}

/** `permission_overwrites` as Discord sends them in channel objects. */
export function overwritesJson(overwrites: readonly PermissionOverwrite[]) {
  return overwrites.map((overwrite) => ({
    id: overwrite.id,
    type: overwrite.type === 'role' ? OverwriteType.Role : OverwriteType.Member,
    allow: String(overwrite.allow ?? 0n),
    deny: String(overwrite.deny ?? 0n),
  }));
}

/** Names of permission bits as discord.js spells them, e.g. `SendMessages, EmbedLinks`. */
export function permissionNames(bits: bigint): string {
  return new PermissionsBitField(bits).toArray().join(', ');
}

function apply(permissions: bigint, deny: bigint, allow: bigint): bigint {
  return (permissions & ~deny) | allow;
}

function union(bits: readonly (bigint | undefined)[]): bigint {
  return bits.reduce<bigint>((all, value) => all | (value ?? 0n), 0n);
}
