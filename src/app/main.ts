// `npm start`. Configuration and the course are checked before anything connects; a problem
// the admin can fix (a StartError) is printed in plain words and the process exits 1.
//
// The process plays one of two parts. With SHARD_COUNT set it is the sharding manager: it only
// starts and watches one process per shard (run-shards.ts), each this same program. Otherwise,
// alone or as a shard the manager started, it is the bot (run-bot.ts).
import { DiscordAPIError } from 'discord.js';
import { loadConfig } from '../config/load-config.ts';
import { loadCourse } from '../course/load-course.ts';
import { createLog } from '../util/log.ts';
import { StartError } from '../util/start-error.ts';
import { runBot } from './run-bot.ts';
import { runShards } from './run-shards.ts';

function failStart(error: unknown): never {
  const explained = error instanceof StartError || error instanceof DiscordAPIError;
  console.error(explained ? `Study Companion cannot start.\n${error.message}` : error);
  process.exit(1);
}

async function main() {
  const config = loadConfig();
  const isManager = config.SHARD_COUNT !== undefined && !config.SHARDING_MANAGER;
  const log = createLog(config.LOG_LEVEL, undefined, config.SHARDING_MANAGER ? { shard: config.SHARDS } : undefined);
  const course = loadCourse();
  if (isManager) return runShards(config, log);
  await runBot(config, course, log, failStart);
}

main().catch(failStart);
