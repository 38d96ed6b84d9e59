import type { APIInteractionDataResolvedGuildMember, APIInteractionGuildMember, GuildMember, User } from 'discord.js';

/** The name a server shows for the user: nickname, else global display name, else username. */
export function displayName(member: GuildMember | APIInteractionGuildMember | APIInteractionDataResolvedGuildMember | null, user: User): string {
  if (!member) return user.displayName;
  if ('displayName' in member) return member.displayName;
  return member.nick ?? user.displayName;
}
