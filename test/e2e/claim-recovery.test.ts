import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../../src/util/log.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { startStandin, type Standin } from 'discord-standin';
import { tempStoreDir } from '../support/temp-store.ts';
import { startBotProcess, type BotProcess } from './bot-process.ts';

let discord: Standin;
let temp: ReturnType<typeof tempStoreDir>;
const bots: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop('SIGKILL')));
  discord.assertClean();
  await discord.close();
  temp.remove();
});

describe('a process killed between claim and send', () => {
  it('does not lose the day: the next process on the machine posts it, once', async () => {
    discord = await startStandin({ timeoutMs: 30_000 });
    temp = tempStoreDir();
    const guild = discord.addGuild({ name: 'Study Hall' });
    const store = await openStudyStore(temp.url, createLog('silent'));
    await store.schedules.set(guild.id, { channelId: guild.general.id, time: '00:00', timeZone: 'UTC', weekdays: everyDay, paused: false });
    await store.close();
    const env = { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, STORE_URL: temp.url };

    discord.faults.hangNext({ route: '/channels/:channel_id/messages', method: 'POST' });
    const first = startBotProcess(env);
    bots.push(first);
    for (let i = 0; i < 300 && discord.faults.pending > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(discord.faults.pending).toBe(0); // its post is in flight, after the claim
    await first.stop('SIGKILL');

    const second = startBotProcess(env);
    bots.push(second);
    await discord.waitForMessageIn(guild.general);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(discord.messagesIn(guild.general)).toHaveLength(1);
    expect(second.logLines().find((line) => line.msg === 'posted the lesson of the day')).toMatchObject({ guildId: guild.id });
  }, 60_000);
});
