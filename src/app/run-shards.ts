import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../config/env-schema.ts';
import type { Log } from '../util/log.ts';
import { installShutdown } from './shutdown.ts';

/** main.ts beside this module, or main.js in the compiled build. */
const shardEntry = fileURLToPath(new URL(`./main${extname(import.meta.url)}`, import.meta.url));

/** Discord's recommended shard count, asked of DISCORD_API_URL (discord.js's own 'auto' always asks discord.com). */
async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  return ((await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult).shards;
}

/**
 * Runs the bot as discord.js shards, one process each (SHARD_COUNT), or only some of them
 * on this machine (SHARD_IDS). Each process is this same program, told its shard by
 * discord.js's environment; a shard that dies is started again.
 */
export async function runShards(config: Config, log: Log): Promise<void> {
  const totalShards = config.SHARD_COUNT === 'auto' ? await recommendedShards(config) : config.SHARD_COUNT!;
  const manager = new ShardingManager(shardEntry, {
    totalShards,
    shardList: config.SHARD_IDS ?? 'auto',
    token: config.DISCORD_TOKEN,
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shardId: shard.id, totalShards }, 'shard started');
    shard.on('death', () => log.warn({ shardId: shard.id }, 'shard process exited'));
  });
  installShutdown(log, [
    async () => {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(
          (shard) =>
            new Promise<void>((resolve) =>
              shard.process ? (shard.process.once('exit', () => resolve()), shard.process.kill('SIGTERM')) : resolve(),
            ),
        ),
      );
    },
  ]);
  await manager.spawn({ timeout: -1 });
}
