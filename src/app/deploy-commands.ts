// `npm run deploy-commands`: registers the slash commands now, to DISCORD_GUILD_ID when set, else globally.
import { REST, Routes, type APIApplication } from 'discord.js';
import { loadCommands } from '../interactions/load-commands.ts';
import { loadConfig } from '../config/load-config.ts';
import { createLog } from '../util/log.ts';

try {
  const config = loadConfig();
  const log = createLog(config.LOG_LEVEL);
  const commands = [...(await loadCommands()).values()].map((command) => command.data);
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(application.id, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(application.id);
  await rest.put(route, { body: commands });
  log.info({ guildId: config.DISCORD_GUILD_ID ?? 'global', commands: commands.map((data) => data.name) }, 'registered commands');
} catch (error) {
  console.error(`Could not register the commands.\n${(error as Error).message}`);
  process.exitCode = 1;
}
