import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLog } from '../../src/util/log.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { startStandin, type Standin, type StandinChannel } from 'discord-standin';
import { postgresUnderTest, sqliteUnderTest, type BackendUnderTest } from '../store/backends.ts';
import { startBotProcess, type BotProcess } from './bot-process.ts';
import { startHarness, type Harness } from './harness.ts';

const servers = 1000;

/** The bot's posts and threads per channel, from the stand-in's request log. */
function sentPerChannel(discord: Standin, route: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of discord.requests) {
    if (request.route !== route || request.status >= 300) continue;
    const channelId = /\/channels\/(\d+)\//.exec(request.path)![1]!;
    counts.set(channelId, (counts.get(channelId) ?? 0) + 1);
  }
  return counts;
}

describe('one REST budget for the whole bot, however many processes it runs as', () => {
  const sqlite = sqliteUnderTest();
  const postgres = postgresUnderTest();
  let discord: Standin;
  const bots: BotProcess[] = [];
  beforeAll(() => postgres.start(), 60_000);
  afterAll(async () => {
    await postgres.stop();
    await sqlite.stop();
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.stop()));
    discord.assertClean();
    await discord.close();
  });

  /** 1,000 servers whose lesson of the day is due now (00:00 UTC has always passed today), stored before any process starts. */
  async function thousandServersDue(backend: BackendUnderTest) {
    const storeUrl = await backend.freshStore();
    discord = await startStandin({ timeoutMs: 120_000, maxConcurrency: 4 });
    const channels = Array.from({ length: servers }, (_, i) => discord.addGuild({ name: `Server ${i}` }).general);
    const store = await openStudyStore(storeUrl, createLog('silent'));
    await Promise.all(
      channels.map((channel) =>
        store.schedules.set(channel.guildId!, { channelId: channel.id, time: '00:00', timeZone: 'UTC', weekdays: everyDay, paused: false }),
      ),
    );
    await store.close();
    return { channels, env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, STORE_URL: storeUrl, LOG_LEVEL: 'warn' } };
  }

  async function expectEachPostedOnceWithoutA429(channels: StandinChannel[]) {
    await vi.waitFor(() => expect(sentPerChannel(discord, 'POST /channels/:channel_id/messages/:message_id/threads').size).toBe(servers), {
      timeout: 150_000,
      interval: 500,
    });
    const posts = sentPerChannel(discord, 'POST /channels/:channel_id/messages');
    expect(channels.map((channel) => posts.get(channel.id) ?? 0)).toEqual(channels.map(() => 1));
    expect(discord.tooManyRequests).toEqual([]);
  }

  it('posts in each of 1,000 servers once, without a single 429, as four shard processes', async () => {
    const { channels, env } = await thousandServersDue(sqlite);
    bots.push(startBotProcess({ ...env, SHARD_COUNT: '4' }));
    await discord.gateway.waitForIdentifies(4);
    await expectEachPostedOnceWithoutA429(channels);
    expect(new Set(discord.gateway.identifies.map((identify) => identify.shard?.[0]))).toEqual(new Set([0, 1, 2, 3]));
  }, 200_000);

  it('posts in each of 1,000 servers once, without a single 429, split over two machines on a shared PostgreSQL', async () => {
    const { channels, env } = await thousandServersDue(postgres);
    bots.push(startBotProcess({ ...env, SHARD_COUNT: '4', SHARD_IDS: '0,1' }), startBotProcess({ ...env, SHARD_COUNT: '4', SHARD_IDS: '2,3' }));
    await discord.gateway.waitForIdentifies(4);
    await expectEachPostedOnceWithoutA429(channels);
  }, 200_000);
});

describe('the guard against a Cloudflare ban', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('pauses bulk sending before refused requests pass the threshold, says why, and resumes once the count falls', async () => {
    const pauseAt = 10;
    h = await startHarness({ now: '2026-05-11T08:00:00Z', refusedRequestPauseAt: pauseAt, standin: { timeoutMs: 30_000 } });
    const guilds = Array.from({ length: 30 }, (_, i) => h.discord.addGuild({ name: `Server ${i}` }));
    const channels = guilds.map((guild) => guild.general);
    const refusing = guilds.slice(0, 25);
    for (const guild of refusing) guild.denyBotIn(guild.general, PermissionFlagsBits.SendMessages);
    await h.launch();
    for (const channel of channels)
      await h.store.schedules.set(channel.guildId!, { channelId: channel.id, time: '09:00', timeZone: 'UTC', weekdays: everyDay, paused: false });
    const refused = () => h.discord.requests.filter((request) => request.status === 403);

    h.clock.set('2026-05-11T09:00:00Z');
    const tick = h.bot.poster.tick();
    await vi.waitFor(() => expect(h.logLines().some((line) => line.level === 50 && String(line.msg).startsWith('pausing bulk sends'))).toBe(true), {
      timeout: 20_000,
    });
    await vi.waitFor(async () => expect(await h.store.restBudget.invalidRequestsIn(Math.floor(h.clock.now().getTime() / 60_000), 10)).toBe(pauseAt), {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // two more checks of the count: still paused
    expect(refused()).toHaveLength(pauseAt);
    expect(h.logLines().find((line) => String(line.msg).startsWith('pausing bulk sends'))).toMatchObject({
      refused: pauseAt,
      pauseAt,
      discordBanLimit: 10_000,
    });

    for (const guild of refusing) guild.setChannelOverwrites(guild.general, []);
    h.clock.set('2026-05-11T09:10:00Z'); // the refused requests of 09:00 leave the 10-minute window
    await tick;

    expect(refused()).toHaveLength(pauseAt);
    expect(h.logLines().some((line) => line.msg === 'resuming bulk sends: the count of refused requests has fallen')).toBe(true);
    const posted = channels.filter((channel) => h.discord.messagesIn(channel).length === 1);
    expect(posted).toHaveLength(channels.length - pauseAt);
    expect(h.discord.tooManyRequests).toEqual([]);
    h.discord.takeFailures();
  }, 60_000);
});
