import { Events, type Client } from 'discord.js';
import type { Config } from '../config/env-schema.ts';
import { createInteractionRouter } from '../interactions/router.ts';
import type { Command, CommandContext } from './command.ts';
import { createClient } from './create-client.ts';
import { loginWithRetry } from './login.ts';
import { syncCommands } from './sync-commands.ts';

export interface BotOptions extends CommandContext {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_GUILD_ID'>;
  commands: Map<string, Command>;
}

export interface RunningBot {
  client: Client;
  /** Resolves true once logged in, false if stopped first; rejects when the start is fatal. */
  loggedIn: Promise<boolean>;
  stop(): Promise<void>;
}

function logConnection(client: Client, log: CommandContext['log']) {
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
}

/** Starts the client: routes interactions, syncs commands once ready, logs in with retries. */
export function startBot(options: BotOptions): RunningBot {
  const { config, commands, log } = options;
  const client = createClient(config.DISCORD_API_URL);
  const route = createInteractionRouter(commands, options);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  logConnection(client, log);
  client.once(Events.ClientReady, (ready) => {
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
    syncCommands(ready, commands, config.DISCORD_GUILD_ID, log).catch((error) => log.error({ err: error }, 'could not register commands'));
  });
  const stopping = new AbortController();
  const loggedIn = loginWithRetry(client, config.DISCORD_TOKEN, config.DISCORD_API_URL, log, stopping.signal);
  return {
    client,
    loggedIn,
    async stop() {
      stopping.abort();
      await client.destroy();
    },
  };
}
