import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start-bot.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  h.discord.assertClean();
  await h.close();
});

async function oneServer() {
  h = await startHarness({ now: '2026-05-11T08:00:00Z' });
  const guild = h.discord.addGuild({ name: 'Study Hall' });
  const study = guild.addTextChannel('study');
  await h.launch();
  await h.store.schedules.set(guild.id, { channelId: study.id, time: '09:00', timeZone: 'UTC', weekdays: everyDay, paused: false });
  return { guild, study };
}

describe('the daily claim', () => {
  it('lets only one of two bots on one store post, when both believe they own the server', async () => {
    const { study } = await oneServer();
    const secondStore = await openStudyStore(h.storeUrl, h.log);
    const second = startBot({
      config: { DISCORD_TOKEN: h.discord.token, DISCORD_API_URL: h.discord.apiUrl, DISCORD_GUILD_ID: undefined, DISCORD_GLOBAL_RATE: 50 },
      course: h.course,
      store: secondStore,
      clock: h.clock,
      log: h.log,
      commands: new Map(),
      buttons: new Map(),
      defaultTimeZone: 'UTC',
      runCron: false,
    });
    try {
      await second.ready;
      h.clock.set('2026-05-11T09:00:00Z');
      await Promise.all([h.bot.poster.tick(), second.poster.tick(), h.bot.poster.tick(), second.poster.tick()]);
      expect(h.discord.messagesIn(study)).toHaveLength(1);
    } finally {
      await second.stop();
      await secondStore.close();
    }
  });

  it('recovers a day claimed by a process that died before sending, once the claim is stale', async () => {
    const { guild, study } = await oneServer();
    const claimedAt = Date.parse('2026-05-11T09:00:00Z');
    await h.store.schedules.setPost(guild.id, '2026-05-11', {
      state: 'claimed',
      token: 'a-process-that-died',
      claimedAt,
      lessonId: 'python',
      channelId: study.id,
      attempts: 0,
    });
    h.clock.set('2026-05-11T09:02:00Z');
    await h.bot.poster.tick();
    expect(h.discord.messagesIn(study)).toHaveLength(0); // it may still be sending
    h.clock.set('2026-05-11T09:05:00Z');
    await h.bot.poster.tick();
    expect(h.discord.messagesIn(study).map((message) => message.embeds[0]?.title)).toEqual(['Python']);
    h.clock.set('2026-05-11T09:06:00Z');
    await h.bot.poster.tick();
    expect(h.discord.messagesIn(study)).toHaveLength(1);
  });
});
