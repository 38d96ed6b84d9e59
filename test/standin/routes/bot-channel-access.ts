import { PermissionFlagsBits } from 'discord.js';
import { discordRefusals } from '../http/discord-errors.ts';
import { permissionNames } from '../world/permission-overwrites.ts';
import type { StandinChannel } from '../world/records.ts';
import type { World } from '../world/world.ts';

/**
 * Discord's permission checks for the bot in one channel (overwrites included; DMs never restrict it).
 * Both return the bot's permissions there, so a route can also act on what it may not do silently.
 */
export function botChannelAccess(world: World) {
  const lacking = (channel: StandinChannel, needed: bigint) => needed & ~world.botPermissionsIn(channel);
  const where = (channel: StandinChannel) => (channel.name ? `#${channel.name}` : `channel ${channel.id}`);

  /** 403 Missing Access (50001) unless the bot may view the channel (and has `alsoNeeded`, e.g. ReadMessageHistory). */
  const requireView = (channel: StandinChannel, alsoNeeded = 0n): bigint => {
    const missing = lacking(channel, PermissionFlagsBits.ViewChannel | alsoNeeded);
    if (missing) throw discordRefusals.missingAccess(`the bot lacks ${permissionNames(missing)} in ${where(channel)}`);
    return world.botPermissionsIn(channel);
  };

  /** 403 Missing Access if the bot cannot view the channel, else 403 Missing Permissions (50013) unless it has `needed`. */
  const requirePermissions = (channel: StandinChannel, needed: bigint, action: string): bigint => {
    requireView(channel);
    const missing = lacking(channel, needed);
    if (missing) throw discordRefusals.missingPermissions(`the bot lacks ${permissionNames(missing)} in ${where(channel)} to ${action}`);
    return world.botPermissionsIn(channel);
  };

  return { requireView, requirePermissions };
}
