import { PermissionFlagsBits } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandin, type Standin } from 'discord-standin';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import type { Course } from '../../src/course/course.ts';
import { loadButtonHandlers } from '../../src/interactions/load-buttons.ts';
import { loadCommands } from '../../src/interactions/load-commands.ts';
import { everyDay, type ScheduleConfig } from '../../src/store/schedule-values.ts';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import { createLog } from '../../src/util/log.ts';
import { manualClock } from '../support/fixtures.ts';

/** The playground's small world: one server with #study, an organiser and three learners, each with a DM with the bot. */
export interface PlaygroundWorld {
  discord: Standin;
  bot: RunningBot;
  store: StudyStore;
  clock: ReturnType<typeof manualClock>;
  guild: ReturnType<Standin['addGuild']>;
  study: ReturnType<ReturnType<Standin['addGuild']>['addTextChannel']>;
  people: ReturnType<ReturnType<Standin['addGuild']>['addMember']>[];
  schedule: ScheduleConfig;
  close(): Promise<void>;
}

/**
 * The real bot (same code, the same store type on a temporary SQLite file) against the stand-in.
 * Its clock is the page's: it starts at the real time and moves only when the page moves it.
 */
export async function startPlaygroundWorld(course: Course, logLevel = 'warn'): Promise<PlaygroundWorld> {
  const discord = await startStandin({ botUsername: 'Study Companion', timeoutMs: 10_000 });
  const guild = discord.addGuild({ name: 'Study Hall' });
  const study = guild.addTextChannel('study', { topic: 'The lesson of the day, and its discussion threads' });
  // The organiser may manage the server and its roles, above every role the bot gives.
  const organisers = guild.updateRole(
    guild.addRole({ name: 'Organisers', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageRoles }),
    {
      position: 100,
    },
  );
  const people = [
    guild.addMember({ username: 'organiser', globalName: 'Olive (organiser)', roles: [organisers] }),
    guild.addMember({ username: 'ada', globalName: 'Ada' }),
    guild.addMember({ username: 'bo', globalName: 'Bo' }),
    guild.addMember({ username: 'cy', globalName: 'Cy' }),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'study-playground-'));
  const log = createLog(logLevel);
  const removeAll = async () => {
    await discord.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  const store = await openStudyStore(`sqlite://${join(dir, 'study.sqlite')}`, log).catch(async (error: unknown) => {
    await removeAll();
    throw error;
  });
  const clock = manualClock(new Date());
  const schedule: ScheduleConfig = { channelId: study.id, time: '09:00', timeZone: 'UTC', weekdays: everyDay, paused: false };
  await store.schedules.set(guild.id, schedule);
  const bot = startBot({
    config: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: undefined, DISCORD_GLOBAL_RATE: 50 },
    course,
    store,
    clock,
    log,
    commands: await loadCommands(),
    buttons: await loadButtonHandlers(),
    defaultTimeZone: 'UTC',
    runCron: false,
    isBusy: () => false,
  });
  await bot.ready;
  // The roles an organiser can try milestone roles with; the playground's bot may give them (Manage Roles, and above them).
  guild.addRole({ name: 'MLOps1 graduate' });
  guild.addRole({ name: 'MLOps graduate' });
  guild.updateRole(guild.botRole, { position: 50, permissions: guild.botRole.permissions | PermissionFlagsBits.ManageRoles });
  return {
    discord,
    bot,
    store,
    clock,
    guild,
    study,
    people,
    schedule,
    async close() {
      try {
        await bot.stop();
        await store.close();
      } finally {
        await removeAll();
      }
    },
  };
}
