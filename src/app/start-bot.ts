import { Events, ShardClientUtil, type Client } from 'discord.js';
import type { Config } from '../config/env-schema.ts';
import { createInteractionRouter, type Handlers } from '../interactions/router.ts';
import { createRestBudget } from '../rest/rest-budget.ts';
import { createDailyPoster, type DailyPoster } from '../schedule/daily-poster.ts';
import { createPostSender } from '../schedule/post-sender.ts';
import { createRecapPoster, type RecapPoster } from '../recap/recap-poster.ts';
import { everyMinute } from '../schedule/every-minute.ts';
import { createDmSender } from '../reminders/dm-sender.ts';
import { sendDueReminders, sendMissedReminders } from '../reminders/send-due-reminders.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';
import type { Command, HandlerContext } from '../interactions/handler.ts';
import { createProgressCards } from '../card/progress-cards.ts';
import { watchEventLoop } from '../util/event-loop-lag.ts';
import { createClient } from '../discord/create-client.ts';
import { loginWithRetry } from '../discord/login.ts';
import { syncCommands } from '../discord/sync-commands.ts';

export interface BotOptions extends Omit<HandlerContext, 'lessonOfTheDay' | 'progressCards'> {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_GUILD_ID' | 'DISCORD_GLOBAL_RATE'>;
  /** Refused requests in 10 minutes at which bulk sending pauses (tests lower it; default half of Discord's ban limit). */
  refusedRequestPauseAt?: number;
  commands: Map<string, Command>;
  buttons: Handlers['buttons'];
  defaultSchedule?: ScheduleConfig;
  /** Whether the process is overloaded (default: its event loop's utilisation; tests that must see every card say never). */
  isBusy?: () => boolean;
  /** Drive the lesson of the day from node-cron each minute (tests call `poster.tick()` instead). */
  runCron?: boolean;
}

export interface RunningBot {
  client: Client;
  poster: DailyPoster;
  /** The weekly recaps, on the same minute timer (tests call `recaps.tick()`). */
  recaps: RecapPoster;
  /** Sends the learners' reminders due in the current minute (each minute with the cron; tests call it). */
  remindNow(): ReturnType<typeof sendDueReminders>;
  /** Resolves true once logged in, false if stopped first; rejects when the start is fatal. */
  loggedIn: Promise<boolean>;
  /** Resolves once the client is ready, its commands are in sync and the catch-up post ran. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

function logConnection(client: Client, log: HandlerContext['log']) {
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
}

/** A learner's reminders belong to one shard, by the formula that places a server: (id >> 22) modulo the shard count. */
function servesUser(client: Client, userId: string): boolean {
  return !client.shard || client.shard.ids.includes(ShardClientUtil.shardIdForGuildId(userId, client.shard.count));
}

/** Starts the client: routes interactions, syncs commands once ready, runs the daily poster, logs in with retries. */
export function startBot(options: BotOptions): RunningBot {
  const { config, commands, log, store, clock } = options;
  const budget = createRestBudget({
    store: store.restBudget,
    ratePerSecond: config.DISCORD_GLOBAL_RATE,
    clock,
    log,
    pauseAt: options.refusedRequestPauseAt,
  });
  const client = createClient(config.DISCORD_API_URL, budget.rest);
  const postSender = createPostSender(client, budget.bulk);
  const poster = createDailyPoster({ ...options, schedules: store.schedules, sender: postSender });
  const recaps = createRecapPoster({ ...options, sender: postSender, schedules: () => poster.effectiveSchedules() });
  const reminderRound = {
    store,
    course: options.course,
    log,
    send: createDmSender(client.rest, budget.bulk, store.reminders),
    servesUser: (userId: string) => servesUser(client, userId),
  };
  const remindNow = () => sendDueReminders(reminderRound, clock.now());
  // Under overload, new progress cards are the first thing to go: the replies must still come within Discord's 3 seconds.
  const load = options.isBusy ? undefined : watchEventLoop();
  const isBusy = options.isBusy ?? load!.busy;
  const route = createInteractionRouter(
    { commands, buttons: options.buttons },
    {
      ...options,
      lessonOfTheDay: poster,
      progressCards: createProgressCards({ isBusy }),
    },
  );
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  logConnection(client, log);
  let minuteTask: ReturnType<typeof everyMinute> | undefined;
  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, async (readyClient) => {
      log.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'ready');
      // Commands belong to the application, not to a shard: shard 0 alone keeps them in sync.
      if (!readyClient.shard || readyClient.shard.ids.includes(0))
        await syncCommands(readyClient, commands, config.DISCORD_GUILD_ID, log).catch((error) =>
          log.error({ err: error }, 'could not register commands'),
        );
      await poster.tick().catch((error) => log.error({ err: error }, 'catch-up of the lesson of the day failed'));
      void recaps.tick().catch((error) => log.error({ err: error }, 'catch-up of the weekly recaps failed'));
      void sendMissedReminders(reminderRound, clock.now()).catch((error) => log.error({ err: error }, 'catch-up of reminders failed'));
      if (options.runCron !== false)
        minuteTask = everyMinute(() => {
          // The recaps after the day's posts of the same minute, so a recap counts a lesson posted just before it.
          void poster
            .tick()
            .catch((error) => log.error({ err: error }, 'lesson of the day tick failed'))
            .then(() => recaps.tick())
            .catch((error) => log.error({ err: error }, 'weekly recap tick failed'));
          void remindNow()
            .then((outcomes) => log.debug({ outcomes }, 'reminders of the minute'))
            .catch((error) => log.error({ err: error }, 'reminders tick failed'));
        });
      resolve();
    }),
  );
  const stopping = new AbortController();
  const loggedIn = loginWithRetry(client, config.DISCORD_TOKEN, config.DISCORD_API_URL, log, stopping.signal);
  return {
    client,
    poster,
    recaps,
    remindNow,
    loggedIn,
    ready,
    async stop() {
      stopping.abort();
      minuteTask?.stop();
      load?.stop();
      budget.close();
      await client.destroy();
    },
  };
}
