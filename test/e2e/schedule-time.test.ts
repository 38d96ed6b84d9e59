import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSchedule } from '../../src/schedule/default-schedule.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  h.discord.assertClean();
  h.assertNoPings();
  await h.close();
});

/** A server with an admin and a #study channel, the bot started, the schedule set with /schedule set. */
async function serverWithSchedule(time: string, timezone: string, startIso: string) {
  h = await startHarness({ now: startIso });
  const guild = h.discord.addGuild({ name: 'Night Owls' });
  const study = guild.addTextChannel('study');
  const admin = guild.addMember({ username: 'root', manageGuild: true });
  await h.launch();
  await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'set', options: { channel: study, time, timezone } });
  return study;
}

/** Runs the minute tick at every minute from `fromIso` to `toIso`; returns the instants at which a post appeared. */
async function tickEveryMinute(study: { id: string }, fromIso: string, toIso: string): Promise<string[]> {
  const postedAt: string[] = [];
  for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 60_000) {
    const before = h.discord.messagesIn(study.id).length;
    h.clock.set(new Date(t));
    await h.bot.poster.tick();
    if (h.discord.messagesIn(study.id).length > before) postedAt.push(new Date(t).toISOString());
  }
  return postedAt;
}

describe('daylight-saving days', () => {
  it.each([
    [
      'America/New_York spring gap: 02:30 does not exist on 2026-03-08',
      '02:30',
      'America/New_York',
      '2026-03-08T05:00:00Z',
      '2026-03-08T10:00:00Z',
      ['2026-03-08T07:00:00.000Z'],
    ],
    [
      'America/New_York autumn overlap: 01:30 happens twice on 2026-11-01',
      '01:30',
      'America/New_York',
      '2026-11-01T04:00:00Z',
      '2026-11-01T08:00:00Z',
      ['2026-11-01T05:30:00.000Z'],
    ],
    [
      'Europe/Berlin spring gap: 02:30 does not exist on 2026-03-29',
      '02:30',
      'Europe/Berlin',
      '2026-03-28T23:00:00Z',
      '2026-03-29T03:00:00Z',
      ['2026-03-29T01:00:00.000Z'],
    ],
    [
      'Europe/Berlin autumn overlap: 02:30 happens twice on 2026-10-25',
      '02:30',
      'Europe/Berlin',
      '2026-10-24T23:00:00Z',
      '2026-10-25T03:00:00Z',
      ['2026-10-25T00:30:00.000Z'],
    ],
  ])('%s: posts once, at the first possible minute', async (_case, time, timezone, fromIso, toIso, expected) => {
    const study = await serverWithSchedule(time, timezone, fromIso);
    expect(await tickEveryMinute(study, fromIso, toIso)).toEqual(expected);
  });
});

describe('the default schedule from the environment', () => {
  it("posts in STUDY_CHANNEL_ID's server with no slash command at all, at STUDY_CRON in STUDY_TIMEZONE", async () => {
    h = await startHarness({ now: '2026-05-10T21:00:00Z' }); // 06:00 on Monday in Tokyo
    const guild = h.discord.addGuild({ name: 'One Server' });
    const study = guild.addTextChannel('study');
    const other = h.discord.addGuild({ name: 'Another Server' });
    await h.launch({ defaultSchedule: defaultSchedule(study.id, '30 7 * * 1-5', 'Asia/Tokyo') });
    const posted = await tickEveryMinute(study, '2026-05-10T22:00:00Z', '2026-05-10T23:00:00Z');
    expect(posted).toEqual(['2026-05-10T22:30:00.000Z']); // 07:30 on Monday 2026-05-11 in Tokyo
    expect((h.discord.messagesIn(study)[0]?.embeds?.[0] as APIEmbed).title).toBe('Linux');
    expect(h.discord.messagesIn(other.general)).toEqual([]);
    const show = await h.discord.command({ user: guild.owner, guild, name: 'schedule', subcommand: 'show' });
    expect((show.callback.data?.embeds?.[0] as APIEmbed).footer?.text).toMatch(/^From the bot’s default settings \(STUDY_CHANNEL_ID\)/);
  });
});
