import type { ApplicationCommandData, Client } from 'discord.js';
import type { Log } from '../util/log.ts';
import type { Command } from '../interactions/handler.ts';

/**
 * Registers the commands only when the registered set differs from the local definitions,
 * so an unchanged start does not overwrite them (Discord rate-limits command writes).
 * Returns whether it wrote. (discord.js's `equals` reads the raw snake_case JSON too.)
 */
export async function syncCommands(client: Client<true>, commands: Map<string, Command>, guildId: string | undefined, log: Log): Promise<boolean> {
  const manager = client.application.commands;
  const registered = guildId ? await manager.fetch({ guildId }) : await manager.fetch();
  const local = [...commands.values()].map((command) => command.data);
  const unchanged =
    registered.size === local.length &&
    local.every((data) =>
      registered.some((existing) => existing.name === data.name && existing.equals(data as unknown as ApplicationCommandData, true)),
    );
  const scope = guildId ? { guildId } : { scope: 'global' };
  if (unchanged) {
    log.info({ ...scope, count: local.length }, 'commands already registered and unchanged');
    return false;
  }
  if (guildId) await manager.set(local, guildId);
  else await manager.set(local);
  log.info({ ...scope, commands: local.map((data) => data.name) }, 'registered commands');
  return true;
}
