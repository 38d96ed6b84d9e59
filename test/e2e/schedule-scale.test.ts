import { afterAll, describe, expect, it } from 'vitest';
import { everyDay } from '../../src/store/schedule-values.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterAll(() => h?.close());

describe('a fan-out of many servers at the same minute', () => {
  it('posts once in each of 1,000 servers, no duplicate, without a single 429', async () => {
    h = await startHarness({ now: '2026-05-11T08:00:00Z', standin: { timeoutMs: 60_000 } });
    const channels = Array.from({ length: 1000 }, (_, i) => h.discord.addGuild({ name: `Server ${i}` }).general);
    await h.launch();
    await Promise.all(
      channels.map((channel) =>
        h.store.schedules.set(channel.guildId!, { channelId: channel.id, time: '09:00', timeZone: 'UTC', weekdays: everyDay, paused: false }),
      ),
    );

    h.clock.set('2026-05-11T09:00:00Z');
    const firstTick = h.bot.poster.tick();
    h.clock.set('2026-05-11T09:01:00Z');
    const overlappingTick = h.bot.poster.tick(); // node-cron's next minute, while the first fan-out is still going
    await Promise.all([firstTick, overlappingTick]);
    await h.bot.poster.tick();

    expect(channels.map((channel) => h.discord.messagesIn(channel).length)).toEqual(channels.map(() => 1));
    expect(channels.map((channel) => h.discord.threadsIn(channel).length)).toEqual(channels.map(() => 1));
    expect(h.discord.tooManyRequests).toEqual([]);
    h.discord.assertClean();
  }, 120_000);
});
