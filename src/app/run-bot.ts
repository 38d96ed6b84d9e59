import type { Config } from '../config/env-schema.ts';
import type { Course } from '../course/course.ts';
import { loadButtonHandlers } from '../interactions/load-buttons.ts';
import { loadCommands } from '../interactions/load-commands.ts';
import { defaultSchedule } from '../schedule/default-schedule.ts';
import { openStudyStore } from '../store/study-store.ts';
import { systemClock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';
import { installShutdown } from './shutdown.ts';
import { startBot } from './start-bot.ts';

/** The bot itself (one process, or one shard's): opens the store, loads the handlers, logs in and serves until told to stop. */
export async function runBot(config: Config, course: Course, log: Log, failStart: (error: unknown) => never): Promise<void> {
  const store = await openStudyStore(config.STORE_URL, log);
  const [commands, buttons] = await Promise.all([loadCommands(), loadButtonHandlers()]);
  log.info(
    { parts: course.parts.length, lessons: course.lessons.length, commands: [...commands.keys()], store: config.STORE_URL.split(':')[0] },
    'starting',
  );
  const bot = startBot({
    config,
    course,
    store,
    clock: systemClock,
    log,
    commands,
    buttons,
    defaultTimeZone: config.STUDY_TIMEZONE,
    defaultSchedule: config.STUDY_CHANNEL_ID ? defaultSchedule(config.STUDY_CHANNEL_ID, config.STUDY_CRON, config.STUDY_TIMEZONE) : undefined,
  });
  installShutdown(log, [bot.stop, store.close]);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  bot.loggedIn.catch(async (error: unknown) => {
    await bot.stop();
    await store.close();
    failStart(error);
  });
}
