// `npm start`: configuration, course and store are checked before anything connects;
// a problem there is printed in plain words and the process exits non-zero.
import { systemClock } from './clock.ts';
import { loadConfig } from './config/load-config.ts';
import { loadCourse } from './course/load-course.ts';
import { loadCommands } from './bot/load-commands.ts';
import { FatalStartError } from './bot/login.ts';
import { startBot } from './bot/start-bot.ts';
import { createLog } from './log.ts';
import { openStudyStore } from './store/study-store.ts';
import { defaultSchedule } from './schedule/default-schedule.ts';
import { installShutdown } from './shutdown.ts';
import { runShards } from './sharding/run-shards.ts';

const knownStartErrors = new Set(['ConfigError', 'CourseError', 'StoreError', 'CommandLoadError', 'FatalStartError', 'DiscordAPIError']);

function failStart(error: unknown): never {
  const known = error instanceof Error && knownStartErrors.has(error.name);
  console.error(known ? `Study Companion cannot start.\n${error.message}` : error);
  process.exit(1);
}

async function main() {
  const config = loadConfig();
  const log = createLog(config.LOG_LEVEL, undefined, config.SHARDING_MANAGER ? { shard: config.SHARDS } : undefined);
  const course = loadCourse();
  if (config.SHARD_COUNT !== undefined && !config.SHARDING_MANAGER) return runShards(config, log);
  const store = await openStudyStore(config.STORE_URL, log);
  const commands = await loadCommands();
  log.info({ parts: course.parts.length, lessons: course.lessons.length, commands: [...commands.keys()], store: config.STORE_URL.split(':')[0] }, 'starting');
  const bot = startBot({
    config,
    course,
    store,
    clock: systemClock,
    log,
    commands,
    defaultTimeZone: config.STUDY_TIMEZONE,
    defaultSchedule: config.STUDY_CHANNEL_ID ? defaultSchedule(config.STUDY_CHANNEL_ID, config.STUDY_CRON, config.STUDY_TIMEZONE) : undefined,
  });
  installShutdown(log, [bot.stop, store.close]);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  bot.loggedIn.catch(async (error: FatalStartError) => {
    await bot.stop();
    await store.close();
    failStart(error);
  });
}

main().catch(failStart);
