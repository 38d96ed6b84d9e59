import { REST, Routes, type APIMessage, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Command } from '../../src/interactions/handler.ts';
import { loadButtonHandlers } from '../../src/interactions/load-buttons.ts';
import { loadCommands } from '../../src/interactions/load-commands.ts';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import type { Course } from '../../src/course/course.ts';
import { loadCourse } from '../../src/course/load-course.ts';
import type { ScheduleConfig } from '../../src/store/schedule-values.ts';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import { startStandin, type StandinOptions } from 'discord-standin';
import { captureLog } from '../support/capture-log.ts';
import { manualClock } from '../support/fixtures.ts';
import { tempStoreDir } from '../support/temp-store.ts';

export interface HarnessOptions {
  /** Where the bot's clock starts (it only moves when the test moves it). */
  now?: string;
  defaultTimeZone?: string;
  defaultSchedule?: ScheduleConfig;
  standin?: StandinOptions;
  /** Another course than the shipped outline. */
  course?: Course;
  /** Other commands than those in commands/. */
  commands?: Map<string, Command>;
  /** Refused requests at which bulk sending pauses (default: the bot's own). */
  refusedRequestPauseAt?: number;
}

/**
 * A fresh Discord stand-in and a fresh bot on a fresh SQLite store, run in this process with
 * a clock the test controls. `restart()` stops the bot and starts a new one on the same store.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const discord = await startStandin(options.standin);
  const temp = tempStoreDir();
  const { log, lines } = captureLog('info');
  const clock = manualClock(options.now ?? '2026-05-11T12:00:00Z');
  const course = options.course ?? loadCourse();
  const commands = options.commands ?? (await loadCommands());
  const buttons = await loadButtonHandlers();
  let store: StudyStore;
  let bot: RunningBot;

  let defaultSchedule = options.defaultSchedule;

  let commandsGuildId: string | undefined;

  /**
   * Starts the bot; `settings.defaultSchedule` plays the part of STUDY_CHANNEL_ID and friends,
   * `settings.commandsGuildId` the part of DISCORD_GUILD_ID, from then on.
   */
  async function launch(settings: { defaultSchedule?: ScheduleConfig; commandsGuildId?: string } = {}) {
    defaultSchedule = settings.defaultSchedule ?? defaultSchedule;
    commandsGuildId = settings.commandsGuildId ?? commandsGuildId;
    store = await openStudyStore(temp.url, log);
    bot = startBot({
      config: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: commandsGuildId, DISCORD_GLOBAL_RATE: 50 },
      course,
      store,
      clock,
      log,
      commands,
      buttons,
      defaultTimeZone: options.defaultTimeZone ?? 'UTC',
      defaultSchedule,
      runCron: false,
      refusedRequestPauseAt: options.refusedRequestPauseAt,
      // Every /progress gets its card here, however busy the test machine is (the shedding has unit tests).
      isBusy: () => false,
    });
    await bot.ready;
  }

  async function stop() {
    await bot.stop();
    await store.close();
  }

  return {
    discord,
    clock,
    storeUrl: temp.url,
    log,
    course,
    logLines: lines,
    get bot() {
      return bot;
    },
    get store() {
      return store;
    },
    /**
     * Every message body the bot sent (replies, edits, follow-ups, channel posts) must set
     * allowed_mentions so that its content pings no user, role, @everyone or @here.
     */
    assertNoPings() {
      const messageBodies = discord.requests
        .filter((request) => request.method !== 'GET' && request.body && typeof request.body === 'object')
        .map((request) => ({ route: request.route ?? request.path, body: request.body as Record<string, unknown> }))
        .map(({ route, body }) => ({ route, message: (body.data ?? body) as Record<string, unknown> }))
        .filter(({ message }) => 'content' in message || 'embeds' in message);
      const pinging = messageBodies.filter(({ message }) => {
        const allowed = message.allowed_mentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
        return !allowed || (allowed.parse?.length ?? 0) > 0 || (allowed.users?.length ?? 0) > 0 || (allowed.roles?.length ?? 0) > 0;
      });
      if (pinging.length > 0) throw new Error(`messages without allowed_mentions { parse: [] }: ${pinging.map(({ route }) => route).join(', ')}`);
      return messageBodies.length;
    },
    /** Posts a message as the bot, through the stand-in's REST: a message an older version of the bot might have left. */
    async postAsBot(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<APIMessage> {
      return (await new REST({ api: discord.apiUrl }).setToken(discord.token).post(Routes.channelMessages(channelId), { body })) as APIMessage;
    },
    /** Starts the bot: call after adding the guilds it should see at READY. */
    launch,
    /**
     * A second bot on the same store file with a connection of its own, as another process would
     * be, that believes it owns every server too (no commands or buttons). Stop it with `stop()`.
     */
    async startSecondBot() {
      const secondStore = await openStudyStore(temp.url, log);
      const second = startBot({
        config: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: undefined, DISCORD_GLOBAL_RATE: 50 },
        course,
        store: secondStore,
        clock,
        log,
        commands: new Map(),
        buttons: new Map(),
        defaultTimeZone: options.defaultTimeZone ?? 'UTC',
        runCron: false,
      });
      await second.ready;
      const stopBot = second.stop;
      return {
        ...second,
        async stop() {
          await stopBot();
          await secondStore.close();
        },
      };
    },
    async restart() {
      await stop();
      await launch({});
    },
    async close() {
      await stop().catch(() => {});
      await discord.close();
      temp.remove();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
