import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../src/util/log.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { startStandin, type Standin } from 'discord-standin';
import { postgresUnderTest, redisUnderTest, sqliteUnderTest } from '../store/backends.ts';
import { startBotProcess, type BotProcess } from './bot-process.ts';

const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

describe.each([sqliteUnderTest(), postgresUnderTest(), redisUnderTest()])('on a shared $name store', (backend) => {
  let discord: Standin;
  let bots: BotProcess[] = [];
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  afterEach(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    bots = [];
    discord.assertClean();
    await discord.close();
  });

  /** Six servers whose lesson of the day is due now (00:00 UTC has always passed today), stored before the bot starts. */
  async function serversDueNow() {
    const storeUrl = await backend.freshStore();
    discord = await startStandin({ timeoutMs: 30_000 });
    const guilds = Array.from({ length: 6 }, (_, i) => discord.addGuild({ name: `Server ${i}` }));
    const store = await openStudyStore(storeUrl, createLog('silent'));
    for (const guild of guilds)
      await store.schedules.set(guild.id, { channelId: guild.general.id, time: '00:00', timeZone: 'UTC', weekdays: everyDay, paused: false });
    await store.close();
    return { guilds, env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, STORE_URL: storeUrl } };
  }
  const dailyPosts = (channel: { id: string }) =>
    discord.messagesIn(channel.id).filter((message) => message.embeds[0]?.author?.name.startsWith('Lesson of the day'));

  it("runs two shards: each gets its own servers, answers there, and posts each server's lesson once", async () => {
    const { guilds, env } = await serversDueNow();
    expect(new Set(guilds.map((guild) => shardOf(guild.id, 2))).size).toBe(2);
    const bot = startBotProcess({ ...env, SHARD_COUNT: '2' });
    bots.push(bot);
    await discord.gateway.waitForIdentifies(2);
    await discord.waitForReady();

    const identifies = discord.gateway.identifies.map((identify) => ({ shard: identify.shard, guilds: [...identify.guildIds].sort() }));
    expect(identifies).toEqual(
      [0, 1].map((shard) => ({
        shard: [shard, 2],
        guilds: guilds
          .filter((guild) => shardOf(guild.id, 2) === shard)
          .map((guild) => guild.id)
          .sort(),
      })),
    );
    for (const guild of guilds) await discord.waitForMessageIn(guild.general);
    for (const guild of guilds) {
      const reply = await discord.command({ user: guild.owner, guild, name: 'lesson', options: { lesson: 'linux' } });
      expect(reply.callback.data?.embeds?.[0]?.title).toBe('Linux');
    }
    expect(guilds.map((guild) => dailyPosts(guild.general).length)).toEqual(guilds.map(() => 1));
    const posters = bot
      .logLines()
      .filter((line) => line.msg === 'posted the lesson of the day')
      .map((line) => [line.guildId, line.shard]);
    expect(posters.sort()).toEqual(guilds.map((guild) => [guild.id, shardOf(guild.id, 2)]).sort());
    expect(await bot.stop()).toBe(0);
  }, 60_000);

  it.runIf(backend.name === 'SQLite')(
    'splits the shards across two machines with SHARD_IDS',
    async () => {
      const { guilds, env } = await serversDueNow();
      bots.push(startBotProcess({ ...env, SHARD_COUNT: '2', SHARD_IDS: '1' }));
      await discord.gateway.waitForIdentifies(1);
      bots.push(startBotProcess({ ...env, SHARD_COUNT: '2', SHARD_IDS: '0' }));
      await discord.gateway.waitForIdentifies(2);
      expect(discord.gateway.identifies.map((identify) => identify.shard)).toEqual([
        [1, 2],
        [0, 2],
      ]);
      for (const guild of guilds) await discord.waitForMessageIn(guild.general);
      expect(guilds.map((guild) => dailyPosts(guild.general).length)).toEqual(guilds.map(() => 1));
    },
    60_000,
  );

  it('posts once when two processes both believe they own every server', async () => {
    const { guilds, env } = await serversDueNow();
    bots.push(startBotProcess(env), startBotProcess(env));
    await discord.gateway.waitForIdentifies(2);
    for (const guild of guilds) await discord.waitForMessageIn(guild.general);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(guilds.map((guild) => dailyPosts(guild.general).length)).toEqual(guilds.map(() => 1));
  }, 60_000);
});
