import { PermissionFlagsBits } from 'discord.js';

const P = PermissionFlagsBits;

/** What a new Discord server grants @everyone (the parts a study bot can observe). */
export const EVERYONE_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.MentionEveryone |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.SendMessagesInThreads;

/** The bot's managed role, as if invited with the usual text-bot permissions. */
export const DEFAULT_BOT_PERMISSIONS = EVERYONE_PERMISSIONS | P.ManageMessages | P.ManageThreads | P.UseExternalStickers;

export const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

export const MANAGE_GUILD = P.ManageGuild;
export const ADMINISTRATOR = P.Administrator;

/** Guild-level permissions: owner and Administrator get everything, others the union of their roles. */
export function combinePermissions(isOwner: boolean, rolePermissions: readonly bigint[]): bigint {
  if (isOwner) return ALL_PERMISSIONS;
  const combined = rolePermissions.reduce((all, bits) => all | bits, 0n);
  return (combined & ADMINISTRATOR) === ADMINISTRATOR ? ALL_PERMISSIONS : combined;
}
