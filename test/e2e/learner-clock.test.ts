import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
afterEach(async () => {
  h.discord.assertClean();
  h.assertNoPings();
  await h.close();
});

/** A Berlin server (its lesson of the day is set to Europe/Berlin) with two learners; the bot's default zone is UTC. */
async function berlinServer(now: string) {
  h = await startHarness({ now, defaultTimeZone: 'UTC' });
  const guild = h.discord.addGuild({ name: 'Berlin Study Hall' });
  const study = guild.addTextChannel('study');
  const admin = guild.addMember({ username: 'root', manageGuild: true });
  await h.launch();
  await h.discord.command({
    user: admin,
    guild,
    name: 'schedule',
    subcommand: 'set',
    options: { channel: study, timezone: 'Europe/Berlin' } as never,
  });
  return { guild, admin, ada: guild.addMember({ username: 'ada' }), bo: guild.addMember({ username: 'bo' }) };
}
type Server = Awaited<ReturnType<typeof berlinServer>>;
type Member = Server['ada'];

/** Marks lessons done through /lesson and Mark done, one at each of the instants given. */
async function study(server: Server, user: Member, lessonIds: string[], instants: string[]) {
  for (const [i, lessonId] of lessonIds.entries()) {
    h.clock.set(instants[i]!);
    const reply = await h.discord.command({ user, guild: server.guild, name: 'lesson', options: { lesson: lessonId } });
    const markDone = (reply.callback.data?.components?.[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
    await h.discord.clickButton({ user, message: reply.message, customId: markDone });
  }
}

const me = (server: Server, user: Member, options: Record<string, string | boolean> = {}) =>
  h.discord.command({ user, guild: server.guild, name: 'me', options: options as never });
/** The /group board's lines (the reply is deferred, then edited). */
const groupBoard = async (server: Server) =>
  embedOf(await (await h.discord.command({ user: server.bo, guild: server.guild, name: 'group' })).edited()).description;
const streakIn = async (server: Server, user: Member) =>
  fieldsOf((await h.discord.command({ user, guild: server.guild, name: 'progress' })).callback.data).Streak;

describe('/me', () => {
  it("shows a learner's settings privately: the server's zone until they set their own", async () => {
    const server = await berlinServer('2026-05-11T12:00:00Z');
    const reply = await me(server, server.ada);
    expect(reply.ephemeral).toBe(true);
    const fields = fieldsOf(reply.callback.data);
    expect(fields['Time zone']).toBe('Europe/Berlin (this server’s, since you set none)');
    // Midnight at the end of 11 May in Berlin (CEST, UTC+2), as a Discord timestamp.
    expect(fields['Your study day ends']).toBe(
      `<t:${Date.parse('2026-05-11T22:00:00Z') / 1000}:t> (<t:${Date.parse('2026-05-11T22:00:00Z') / 1000}:R>)`,
    );
    expect(fields['Group leaderboards']).toMatch(/^Shown/);
  });

  it('saves a time zone as IANA spells it, the same in a DM and in the server, and goes back to the server’s', async () => {
    const server = await berlinServer('2026-05-11T12:00:00Z');
    const saved = await h.discord.command({ user: server.ada.user, name: 'me', options: { timezone: 'asia/tokyo' } as never });
    expect(embedOf(saved.callback.data).title).toBe('Saved: your settings');
    expect(fieldsOf(saved.callback.data)['Time zone']).toBe('Asia/Tokyo (yours)');
    expect(fieldsOf((await me(server, server.ada)).callback.data)['Time zone']).toBe('Asia/Tokyo (yours)');
    const back = await me(server, server.ada, { timezone: 'server' });
    expect(fieldsOf(back.callback.data)['Time zone']).toBe('Europe/Berlin (this server’s, since you set none)');
    const inDm = await h.discord.command({ user: server.ada.user, name: 'me' });
    expect(fieldsOf(inDm.callback.data)['Time zone']).toBe('UTC (the bot’s default, since you set none)');
  });

  it('refuses a time zone that does not exist, ephemerally, and changes nothing else given with it', async () => {
    const server = await berlinServer('2026-05-11T12:00:00Z');
    const reply = await me(server, server.ada, { timezone: 'Mars/Olympus_Mons', leaderboard: false });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe(
      '“Mars/Olympus_Mons” is not a time zone. Pick one from the list, such as Asia/Tokyo or America/Chicago. Nothing was saved.',
    );
    expect(await h.store.learners.getSettings([server.ada.id])).toEqual([{}]);
  });

  it("offers the server's zone and IANA zones as the learner types", async () => {
    const server = await berlinServer('2026-05-11T12:00:00Z');
    const typed = (value: string) =>
      h.discord.autocomplete({ user: server.ada, guild: server.guild, name: 'me', focused: { name: 'timezone', value } });
    expect((await typed(''))[0]).toEqual({ name: 'Use the server’s time zone', value: 'server' });
    expect(await typed('')).toHaveLength(25);
    expect((await typed('kiriti'))[0]).toEqual({ name: 'Pacific/Kiritimati', value: 'Pacific/Kiritimati' });
  });

  it('leaves a learner out of /group when they leave the leaderboard, and back in when they return', async () => {
    const server = await berlinServer('2026-05-11T12:00:00Z');
    await study(server, server.ada, ['linux'], ['2026-05-11T12:00:00Z']);
    await study(server, server.bo, ['linux'], ['2026-05-11T12:00:00Z']);
    const board = () => groupBoard(server);
    expect(await board()).toContain(`<@${server.ada.id}>`);
    expect(fieldsOf((await me(server, server.ada, { leaderboard: false })).callback.data)['Group leaderboards']).toMatch(/^Hidden/);
    expect(await board()).not.toContain(`<@${server.ada.id}>`);
    expect(await board()).toContain(`<@${server.bo.id}>`);
    await me(server, server.ada, { leaderboard: true });
    expect(await board()).toContain(`<@${server.ada.id}>`);
  });
});

describe("a learner's own time zone", () => {
  it('moves their streak day east of the server: UTC+14 beside Berlin', async () => {
    const server = await berlinServer('2026-05-10T08:00:00Z');
    await me(server, server.ada, { timezone: 'Pacific/Kiritimati' });
    // 11:00 and 13:00 on 10 May in Berlin; 23:00 on 10 May and 01:00 on 11 May in Kiritimati.
    for (const learner of [server.ada, server.bo])
      await study(server, learner, ['linux', 'python'], ['2026-05-10T09:00:00Z', '2026-05-10T11:00:00Z']);
    h.clock.set('2026-05-10T12:00:00Z');
    expect(await streakIn(server, server.ada)).toBe('🔥 2 days · 🧊 0/2 freezes');
    expect(await streakIn(server, server.bo)).toBe('🔥 1 day · 🧊 0/2 freezes');
  });

  it('moves their streak day west of the server: UTC−11 beside Berlin, on /progress and in /group', async () => {
    const server = await berlinServer('2026-05-10T08:00:00Z');
    await me(server, server.ada, { timezone: 'Pacific/Pago_Pago' });
    // 12:00 and 14:00 on 10 May in Berlin; 23:00 on 9 May and 01:00 on 10 May in Pago Pago.
    for (const learner of [server.ada, server.bo])
      await study(server, learner, ['linux', 'python'], ['2026-05-10T10:00:00Z', '2026-05-10T12:00:00Z']);
    h.clock.set('2026-05-10T13:00:00Z');
    expect(await streakIn(server, server.ada)).toBe('🔥 2 days · 🧊 0/2 freezes');
    expect(await streakIn(server, server.bo)).toBe('🔥 1 day · 🧊 0/2 freezes');
    const board = (await groupBoard(server)) ?? '';
    expect(board.split('\n').find((line) => line.includes(`<@${server.ada.id}>`))).toContain('🔥 2');
    expect(board.split('\n').find((line) => line.includes(`<@${server.bo.id}>`))).toContain('🔥 1');
  });
});

describe('streak freezes', () => {
  const day = (n: number) => `2026-05-${String(n).padStart(2, '0')}T10:00:00Z`;
  const lessons = (count: number) => h.course.lessons.slice(0, count).map((lesson) => lesson.id);

  it('earns one after 7 days in a row and uses it for a missed day, which the calendar shows', async () => {
    const server = await berlinServer(day(1));
    // Studies 1 to 7 May, misses the 8th, studies the 9th.
    await study(server, server.ada, lessons(8), [1, 2, 3, 4, 5, 6, 7, 9].map(day));
    h.clock.set('2026-05-09T12:00:00Z');
    const fields = fieldsOf((await h.discord.command({ user: server.ada, guild: server.guild, name: 'progress' })).callback.data);
    expect(fields.Streak).toBe('🔥 8 days · 🧊 0/2 freezes');
    expect(fields['Last 12 weeks']).toContain('Studied on 8 of the last 83 days, 1 day kept by a freeze.');
    // 9 May 2026 is a Saturday: the last column of the grid is this week, Monday 4 May to Saturday 9 May.
    const rows = fields['Last 12 weeks']!.split('\n');
    expect(rows[4]).toBe('`Fri` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩🧊');
    expect(rows[5]).toBe('`Sat` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩🟩');
    expect(rows[6]).toBe('`Sun` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩');
  });

  it('holds the freeze while the streak goes on, and the streak ends on a second missed day without one', async () => {
    const server = await berlinServer(day(1));
    await study(server, server.ada, lessons(7), [1, 2, 3, 4, 5, 6, 7].map(day));
    h.clock.set('2026-05-08T12:00:00Z');
    expect(await streakIn(server, server.ada)).toBe('🔥 7 days · 🧊 1/2 freezes');
    h.clock.set('2026-05-10T12:00:00Z'); // 8 May used the freeze; 9 May had none left
    expect(await streakIn(server, server.ada)).toBe('No streak yet · 🧊 0/2 freezes');
  });
});
