import { afterEach, describe, expect, it } from 'vitest';
import { everyDay } from '../../src/store/schedule-values.ts';
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
    const second = await h.startSecondBot();
    try {
      h.clock.set('2026-05-11T09:00:00Z');
      await Promise.all([h.bot.poster.tick(), second.poster.tick(), h.bot.poster.tick(), second.poster.tick()]);
      expect(h.discord.messagesIn(study)).toHaveLength(1);
    } finally {
      await second.stop();
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
