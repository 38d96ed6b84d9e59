import { afterEach, describe, expect, it } from 'vitest';
import { closedDmsNotice } from '../../src/interactions/closed-dms-notice.ts';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
afterEach(async () => {
  h.discord.assertClean();
  h.assertNoPings();
  await h.close();
});

async function setUp(now: string) {
  h = await startHarness({ now, defaultTimeZone: 'UTC' });
  const guild = h.discord.addGuild({ name: 'Study Hall' });
  await h.launch();
  return { guild, ada: guild.addMember({ username: 'ada' }), bo: guild.addMember({ username: 'bo' }) };
}
type World = Awaited<ReturnType<typeof setUp>>;
type Member = World['ada'];

const me = (user: Member, options: Record<string, string | number | boolean> = {}) =>
  h.discord.command({ user: user.user, name: 'me', options: options as never });
const dms = (user: Member) => h.discord.directMessagesTo(user.user);
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** Moves the clock to the minute and runs its reminders, as the bot's once-a-minute tick does; resolves with a count per outcome. */
async function minute(iso: string) {
  h.clock.set(iso);
  return h.bot.remindNow();
}

async function markDone(world: World, user: Member, lessonId: string, at: string) {
  h.clock.set(at);
  const reply = await h.discord.command({ user, guild: world.guild, name: 'lesson', options: { lesson: lessonId } });
  const markDoneId = (reply.callback.data?.components?.[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
  await h.discord.clickButton({ user, message: reply.message, customId: markDoneId });
}

describe('daily reminders', () => {
  it('DM the learner at their local time with their next lesson, once that day, and not on a day they have studied', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    await me(world.ada, { timezone: 'Europe/Berlin', 'reminder-time': '19:00' });
    expect(await minute('2026-05-11T16:59:00Z')).toEqual({});
    expect(await minute('2026-05-11T17:00:00Z')).toEqual({ sent: 1 }); // 19:00 in Berlin (CEST)
    expect(dms(world.ada)).toHaveLength(1);
    expect(dms(world.ada)[0]!.content).toMatch(/^⏰ Time to study\.\n📘 Your next lesson: \*\*Linux\*\* \(MLOps1\)\. `\/lesson` opens it\./);
    expect(await h.bot.remindNow()).toEqual({ 'claimed-elsewhere': 1 });
    expect(dms(world.ada)).toHaveLength(1);
    await markDone(world, world.ada, 'linux', '2026-05-12T10:00:00Z');
    expect(await minute('2026-05-12T17:00:00Z')).toEqual({ studied: 1 });
    expect(dms(world.bo)).toHaveLength(0);
    expect(dms(world.ada)).toHaveLength(1);
  });

  it('come on the chosen days only', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    await me(world.ada, { 'reminder-time': '07:30', 'reminder-days': 'weekends' });
    expect(await minute('2026-05-15T07:30:00Z')).toEqual({ 'not-today': 1 }); // a Friday
    expect(await minute('2026-05-16T07:30:00Z')).toEqual({ sent: 1 }); // Saturday
  });

  it('keep to each learner’s wall clock in two zones across both changes of summer time', async () => {
    const world = await setUp('2026-03-01T12:00:00Z');
    await me(world.ada, { timezone: 'Europe/Berlin', 'reminder-time': '09:00' });
    await me(world.bo, { timezone: 'America/New_York', 'reminder-time': '19:00' });
    // [the UTC minute it is due, whose, a minute an hour off that must not send]: New York changes on 8 March and 1 November, Berlin on 29 March and 25 October.
    const due: [string, Member, string][] = [
      ['2026-03-08T00:00:00Z', world.bo, '2026-03-07T23:00:00Z'], // 19:00 EST on 7 March
      ['2026-03-09T23:00:00Z', world.bo, '2026-03-10T00:00:00Z'], // 19:00 EDT on 9 March
      ['2026-03-28T08:00:00Z', world.ada, '2026-03-28T07:00:00Z'], // 09:00 CET
      ['2026-03-29T07:00:00Z', world.ada, '2026-03-29T08:00:00Z'], // 09:00 CEST, the day of the change
      ['2026-10-24T07:00:00Z', world.ada, '2026-10-24T08:00:00Z'], // 09:00 CEST
      ['2026-10-26T08:00:00Z', world.ada, '2026-10-26T07:00:00Z'], // 09:00 CET
      ['2026-10-31T23:00:00Z', world.bo, '2026-11-01T00:00:00Z'], // 19:00 EDT on 31 October
      ['2026-11-03T00:00:00Z', world.bo, '2026-11-02T23:00:00Z'], // 19:00 EST on 2 November
    ];
    for (const [at, learner, anHourOff] of due) {
      const before = dms(learner).length;
      for (const wrong of [anHourOff].filter((iso) => iso < at)) expect(await minute(wrong)).toEqual({});
      expect(await minute(at), at).toEqual({ sent: 1 });
      for (const wrong of [anHourOff].filter((iso) => iso > at)) expect(await minute(wrong), wrong).toEqual({});
      expect(dms(learner)).toHaveLength(before + 1);
    }
  });

  it('set inside the hour skipped in spring come at the first minute after it', async () => {
    const world = await setUp('2026-03-28T12:00:00Z');
    await me(world.ada, { timezone: 'Europe/Berlin', 'reminder-time': '02:30' });
    expect(await minute('2026-03-29T00:59:00Z')).toEqual({}); // 01:59 CET
    expect(await minute('2026-03-29T01:00:00Z')).toEqual({ sent: 1 }); // 03:00 CEST: 02:00 to 02:59 never happened
    expect(await minute('2026-03-29T01:01:00Z')).toEqual({});
    expect(dms(world.ada)).toHaveLength(1);
  });

  it('set inside the hour repeated in autumn come once', async () => {
    const world = await setUp('2026-10-24T12:00:00Z');
    await me(world.ada, { timezone: 'Europe/Berlin', 'reminder-time': '02:30' });
    expect(await minute('2026-10-25T00:30:00Z')).toEqual({ sent: 1 }); // 02:30 CEST
    expect(await minute('2026-10-25T01:30:00Z')).toEqual({ 'claimed-elsewhere': 1 }); // 02:30 CET, the same local date
    expect(dms(world.ada)).toHaveLength(1);
  });

  it('go out once when two bots on one store both tick the minute', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    await me(world.ada, { 'reminder-time': '18:00' });
    const second = await h.startSecondBot();
    try {
      h.clock.set('2026-05-11T18:00:00Z');
      await Promise.all([h.bot.remindNow(), second.remindNow(), h.bot.remindNow(), second.remindNow()]);
      expect(dms(world.ada)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('that find the DMs closed switch off, are not retried, and the learner is told at their next command', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    await me(world.ada, { 'reminder-time': '18:00', 'streak-warning': 2 });
    h.discord.closeDms(world.ada.user);
    expect(await minute('2026-05-11T18:00:00Z')).toEqual({ 'dms-closed': 1 });
    const [settings] = await h.store.learners.getSettings([world.ada.id]);
    expect(settings).toMatchObject({ reminder: { time: '18:00', on: false }, dmsClosedUntold: true });
    expect(settings!.streakWarningHours).toBeUndefined();
    expect(await minute('2026-05-12T18:00:00Z')).toEqual({});
    const refused = h.discord.requests.filter((request) => request.error?.code === 50007);
    expect(refused).toHaveLength(1);
    expect(h.discord.messagesIn(world.guild.general)).toHaveLength(0);

    const next = await h.discord.command({ user: world.ada, guild: world.guild, name: 'course' });
    expect((await next.followedUp(1))[0]).toMatchObject({ content: closedDmsNotice, flags: 64 });
    expect((await h.store.learners.getSettings([world.ada.id]))[0]!.dmsClosedUntold).toBeUndefined();
    const shown = await me(world.ada);
    expect(fieldsOf(shown.callback.data).Reminders).toContain('switched off');
    expect(fieldsOf(shown.callback.data).Reminders).toContain('Your DMs did not accept the bot');
    const later = await h.discord.command({ user: world.ada, guild: world.guild, name: 'course' });
    await me(world.ada);
    expect(later.followUps).toHaveLength(0);
  });

  it('tell the learner once after /progress too, which shares its read of their settings with the notice', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    await me(world.ada, { 'reminder-time': '18:00' });
    h.discord.closeDms(world.ada.user);
    expect(await minute('2026-05-11T18:00:00Z')).toEqual({ 'dms-closed': 1 });
    const first = await h.discord.command({ user: world.ada, guild: world.guild, name: 'progress' });
    expect(first.callback.data?.embeds).toHaveLength(1);
    expect((await first.followedUp(1))[0]).toMatchObject({ content: closedDmsNotice, flags: 64 });
    const again = await h.discord.command({ user: world.ada, guild: world.guild, name: 'progress' });
    expect(again.callback.data?.embeds).toHaveLength(1);
    await me(world.ada);
    expect(again.followUps).toHaveLength(0);
  });
});

describe('the streak warning', () => {
  it('DMs hours before local midnight while a streak is at risk, and not without a streak', async () => {
    const world = await setUp('2026-05-10T10:00:00Z');
    await markDone(world, world.ada, 'linux', '2026-05-10T10:00:00Z');
    for (const learner of [world.ada, world.bo]) await me(learner, { timezone: 'Asia/Tokyo', 'streak-warning': 3 });
    // 21:00 in Tokyo (UTC+9) on 11 May: Ada studied on the 10th, not yet on the 11th.
    expect(await minute('2026-05-11T12:00:00Z')).toEqual({ sent: 1, 'no-streak': 1 });
    expect(dms(world.ada)[0]!.content).toContain(
      `🔥 Your 1-day streak is at risk: today ends <t:${seconds('2026-05-11T15:00:00Z')}:t> (<t:${seconds('2026-05-11T15:00:00Z')}:R>)`,
    );
    expect(dms(world.bo)).toHaveLength(0);
  });
});

describe('/me reminder options', () => {
  it('show the next reminder as a Discord timestamp, and keep the time while switched off', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    const saved = await me(world.ada, { timezone: 'Asia/Tokyo', 'reminder-time': '7:05', 'reminder-days': 'weekdays' });
    // 12:00 UTC is 21:00 in Tokyo on Monday 11 May: the next weekday 07:05 is Tuesday's, 22:05 UTC on the 11th.
    expect(fieldsOf(saved.callback.data).Reminders).toContain(`Daily: 07:05 Asia/Tokyo, on weekdays, next <t:${seconds('2026-05-11T22:05:00Z')}:t>`);
    const off = await me(world.ada, { reminders: false });
    expect(fieldsOf(off.callback.data).Reminders).toContain('Daily: 07:05 Asia/Tokyo, on weekdays, switched off');
    expect(await minute('2026-05-11T22:05:00Z')).toEqual({});
    await me(world.ada, { reminders: true });
    expect(await minute('2026-05-12T22:05:00Z')).toEqual({ sent: 1 });
  });

  it('follow the server’s zone for a learner without their own, and move when they set one', async () => {
    const world = await setUp('2026-05-11T12:00:00Z');
    const admin = world.guild.addMember({ username: 'root', manageGuild: true });
    const study = world.guild.addTextChannel('study');
    await h.discord.command({
      user: admin,
      guild: world.guild,
      name: 'schedule',
      subcommand: 'set',
      options: { channel: study, timezone: 'Asia/Kolkata' } as never,
    });
    const saved = await h.discord.command({ user: world.ada, guild: world.guild, name: 'me', options: { 'reminder-time': '20:00' } as never });
    expect(fieldsOf(saved.callback.data).Reminders).toContain('Daily: 20:00 Asia/Kolkata');
    await me(world.ada, { timezone: 'UTC' });
    expect(await minute('2026-05-11T14:30:00Z')).toEqual({}); // 20:00 in Kolkata: moved away
    expect(await minute('2026-05-11T20:00:00Z')).toEqual({ sent: 1 });
  });

  it.each([
    [{ 'reminder-time': '25:00' }, '“25:00” is not a time. Use 24-hour HH:MM, such as 07:30 or 19:00. Nothing was saved.'],
    [{ 'reminder-time': 'soon' }, '“soon” is not a time. Use 24-hour HH:MM, such as 07:30 or 19:00. Nothing was saved.'],
    [{ 'reminder-days': 'weekends' }, 'Choose when to be reminded too, for example `/me reminder-time:19:00`. Nothing was saved.'],
    [{ reminders: true, leaderboard: false }, 'Choose when to be reminded too, for example `/me reminder-time:19:00`. Nothing was saved.'],
  ])('refuse %o ephemerally and change nothing', async (options, message) => {
    const world = await setUp('2026-05-11T12:00:00Z');
    const reply = await me(world.ada, options);
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe(message);
    expect(await h.store.learners.getSettings([world.ada.id])).toEqual([{}]);
    expect(embedOf((await me(world.ada)).callback.data).title).toBe('Your settings');
  });
});
