import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { storeKeys } from '../../src/store/keys.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { createLog } from '../../src/util/log.ts';
import { runSql } from './populate-store.ts';
import { startBotProcess } from './processes.ts';
import { forkRpc } from './rpc.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

export interface ReminderFanoutResult {
  learners: number;
  /** Requests per reminder: 2 the first time (open the DM channel, send), 1 once the channel's id is known. */
  requestsPerLearner: number;
  ratePerSecond: number;
  seconds: number;
  /** R·N / DISCORD_GLOBAL_RATE: the time the global limit allows at best. */
  floorSeconds: number;
  duplicates: number;
  missed: number;
  tooManyRequests: number;
}

/** Every learner with a daily reminder at `hhmm` UTC (and their DM channel's id where known), written straight into Keyv's table. */
async function populateReminders(file: string, userIds: readonly string[], hhmm: string, dmChannelIds?: readonly string[]) {
  const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
  await store.close();
  const db = new sqlite3.Database(file);
  await runSql(db, 'BEGIN');
  const insert = db.prepare('INSERT OR REPLACE INTO keyv (key, value) VALUES (?, ?)');
  const put = (key: string, value: unknown) =>
    new Promise<void>((resolve, reject) =>
      insert.run(`study:${key}`, JSON.stringify({ value }), (error: Error | null) => (error ? reject(error) : resolve())),
    );
  const time = `${hhmm.slice(0, 2)}:${hhmm.slice(2)}`;
  for (const [i, userId] of userIds.entries()) {
    await put(storeKeys.learnerSettings(userId), { timeZone: 'UTC', reminder: { time, weekdays: everyDay, on: true } });
    await put(storeKeys.reminderAt(hhmm, 'daily', 'UTC', userId), { userId });
    if (dmChannelIds) await put(storeKeys.dmChannel(userId), { channelId: dmChannelIds[i] });
  }
  await new Promise((resolve) => insert.finalize(resolve));
  await runSql(db, 'COMMIT');
  await new Promise((resolve) => db.close(resolve));
}

/**
 * N learners whose daily reminder is due this minute: the bot sends them at start-up (it catches
 * up the last 10 minutes), through its one REST budget at `ratePerSecond` (the stand-in enforces the
 * same global limit). `channelsKnown`: the learners' DM channels are already in the store, as from
 * their second reminder on.
 */
export async function benchReminderFanout(learners: number, ratePerSecond: number, channelsKnown: boolean): Promise<ReminderFanoutResult> {
  const standin = forkRpc(workerEntry);
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-reminders-'));
  const file = join(dir, 'study.sqlite');
  try {
    const setup = await standin.call<{ apiUrl: string; token: string; userIds: string[] }>('setup', {
      guilds: 1,
      membersPerGuild: 1,
      users: learners,
      globalRate: ratePerSecond,
      timeoutMs: 120_000,
    });
    const channelIds = channelsKnown ? await standin.call<string[]>('openDmChannels') : undefined;
    const now = new Date();
    const hhmm = `${String(now.getUTCHours()).padStart(2, '0')}${String(now.getUTCMinutes()).padStart(2, '0')}`;
    await populateReminders(file, setup.userIds, hhmm, channelIds);
    const requestsPerLearner = channelsKnown ? 1 : 2;
    const floorSeconds = (requestsPerLearner * learners) / ratePerSecond;
    const bot = startBotProcess('dist/src/app/main.js', {
      DISCORD_API_URL: setup.apiUrl,
      DISCORD_TOKEN: setup.token,
      STORE_URL: `sqlite://${file}`,
      DISCORD_GLOBAL_RATE: String(ratePerSecond),
    });
    try {
      const result = await standin.call<{ firstAt: number; lastAt: number; duplicates: number; missed: number; tooManyRequests: number }>(
        'reminderFanout',
        { deadlineMs: floorSeconds * 3000 + 60_000 },
      );
      return { learners, requestsPerLearner, ratePerSecond, seconds: (result.lastAt - result.firstAt) / 1000, floorSeconds, ...result };
    } finally {
      await bot.stop();
    }
  } finally {
    await standin.call('close').catch(() => undefined);
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
