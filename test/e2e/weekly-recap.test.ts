import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let study: ReturnType<typeof guild.addTextChannel>;
let admin: ReturnType<typeof guild.addMember>;
let finisher: ReturnType<typeof guild.addMember>;
let steady: ReturnType<typeof guild.addMember>;
let private_: ReturnType<typeof guild.addMember>;

const recapsIn = () => h.discord.messagesIn(study).filter((message) => embedOf(message)?.title?.startsWith('Week in review'));
const lesson = (n: number) => h.course.lessons[n - 1]!;

/** Moves the clock and runs the minute's work, as the minute timer would: the lesson of the day, then the recaps. */
async function at(iso: string) {
  h.clock.set(iso);
  await h.bot.poster.tick();
  return h.bot.recaps.tick();
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-11T06:00:00Z' }); // a Monday
  guild = h.discord.addGuild({ name: 'Study Hall' });
  study = guild.addTextChannel('study');
  admin = guild.addMember({ username: 'root', manageGuild: true });
  finisher = guild.addMember({ username: 'finisher' });
  steady = guild.addMember({ username: 'steady' });
  private_ = guild.addMember({ username: 'private' });
  await h.launch();
  for (const member of [finisher, steady, private_]) await h.discord.command({ user: member, guild, name: 'course' });
  await h.store.learners.updateSettings(private_.id, (settings) => ({ ...settings, hiddenFromLeaderboard: true }));
  // Before the week: the finisher had done MLOps1's first nine lessons; steady did lesson 3 on Sunday, before 18:00 in Berlin.
  const part1 = h.course.parts[0]!.lessons;
  for (const done of part1.slice(0, -1)) await h.store.setCompletion(finisher.id, done.id, new Date('2026-05-01T10:00:00Z'));
  await h.store.setCompletion(steady.id, lesson(3).id, new Date('2026-05-10T15:30:00Z')); // 17:30 on Sunday in Berlin
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

describe('the weekly recap', () => {
  it('is refused without a study channel, and a bad time is refused, saving nothing', async () => {
    const noSchedule = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'recap', options: { day: 'sunday' } });
    expect(noSchedule.ephemeral).toBe(true);
    expect(noSchedule.callback.data?.content).toMatch(/^The recap goes to the study channel of the lesson of the day: set that up first/);
    await h.discord.command({
      user: admin,
      guild,
      name: 'schedule',
      subcommand: 'set',
      options: { channel: study, time: '09:00', timezone: 'Europe/Berlin' },
    });
    const badTime = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'recap', options: { day: 'sunday', time: '25:00' } });
    expect(badTime.ephemeral).toBe(true);
    expect(badTime.callback.data?.content).toBe('“25:00” is not a time. Use 24-hour HH:MM, such as 18:00. Nothing was saved.');
    expect(await h.store.recaps.get(guild.id)).toBeUndefined();
    const byMember = await h.discord.command({ user: steady, guild, name: 'schedule', subcommand: 'recap', options: { day: 'sunday' } });
    expect(byMember.ephemeral).toBe(true);
    expect(await h.store.recaps.get(guild.id)).toBeUndefined();
  });

  it('is set for a day and a time in the schedule’s time zone, and /schedule show says so', async () => {
    const saved = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'recap', options: { day: 'sunday', time: '18:00' } });
    expect(saved.ephemeral).toBe(true);
    expect(saved.callback.data?.content).toMatch(
      new RegExp(`^Saved: a recap of the week goes to <#${study.id}> on Sundays at 18:00 \\(Europe/Berlin\\), next <t:\\d+:R>`),
    );
    const shown = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'show' });
    expect(fieldsOf(shown.callback.data)['Weekly recap']).toMatch(/^Sundays at 18:00 \(Europe\/Berlin\), next <t:\d+:R>$/);
  });

  it('posts once at the server’s time with the week’s lessons, who finished a part, the most active and the group', async () => {
    const days = ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15', '2026-05-16', '2026-05-17'];
    for (const day of days) await at(`${day}T07:00:00Z`); // 09:00 in Berlin: lessons 1 to 7
    await h.store.setCompletion(finisher.id, h.course.parts[0]!.lessons.at(-1)!.id, new Date('2026-05-12T18:00:00Z'));
    for (const n of [1, 2]) await h.store.setCompletion(steady.id, lesson(n).id, new Date('2026-05-10T22:30:00Z')); // 00:30 Monday in Berlin
    for (const n of [1, 2, 3]) await h.store.setCompletion(private_.id, lesson(n).id, new Date('2026-05-14T12:00:00Z'));

    expect(await at('2026-05-17T15:59:00Z')).toEqual(new Map()); // 17:59 in Berlin
    expect(recapsIn()).toHaveLength(0);
    expect(await at('2026-05-17T16:00:00Z')).toEqual(new Map([[guild.id, 'sent']]));
    const [recap] = recapsIn();
    const seconds = (iso: string) => Date.parse(iso) / 1000;
    expect(embedOf(recap).title).toBe('Week in review');
    expect(embedOf(recap).description).toMatch(
      new RegExp(`^From <t:${seconds('2026-05-10T16:00:00Z')}:\\w> to <t:${seconds('2026-05-17T16:00:00Z')}:\\w>$`),
    );
    const fields = fieldsOf(recap);
    const learners = 4; // the admin is on the roster too
    expect(fields['Lessons of the day']!.split('\n')).toEqual([
      `**${lesson(1).title}**: done by 3 of ${learners} learners`,
      `**${lesson(2).title}**: done by 3 of ${learners} learners`,
      `**${lesson(3).title}**: done by 3 of ${learners} learners`,
      ...[4, 5, 6, 7].map((n) => `**${lesson(n).title}**: done by 1 of ${learners} learners`),
    ]);
    expect(fields['Finished a part']).toBe(`<@${finisher.id}> finished ${h.course.parts[0]!.title} 🎉`);
    expect(fields['Most active']).toBe(`1. <@${steady.id}>: 2 lessons\n2. <@${finisher.id}>: 1 lesson`);
    const lessonsDone = h.course.parts[0]!.lessons.length + 3 + 3 + 0;
    const average = Math.floor((100 * lessonsDone) / (learners * h.course.lessons.length));
    expect(fields['The group']).toBe(`3 learners of ${learners} studied this week.\nOn average the group has done ${average}% of ${h.course.title}.`);
    expect(JSON.stringify(recap)).not.toContain(private_.id);
  });

  it('is not posted again that week: not at the next minute, not after a restart, not by a second process', async () => {
    expect(await at('2026-05-17T16:01:00Z')).toEqual(new Map());
    await h.restart(); // its start catches up on due recaps too
    expect([...(await at('2026-05-17T16:02:00Z')).values()]).not.toContain('sent');
    const second = await h.startSecondBot();
    try {
      expect([...(await second.recaps.tick()).values()]).not.toContain('sent');
    } finally {
      await second.stop();
    }
    await h.restart(); // the second bot, with no commands of its own, synced an empty list: this puts them back
    expect(recapsIn()).toHaveLength(1);
    const shown = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'show' });
    const recapField = fieldsOf(shown.callback.data)['Weekly recap'];
    expect(recapField).toMatch(/\nLast: 2026-W20, sent$/);
    expect(recapField).toContain(`next <t:${Date.parse('2026-05-24T16:00:00Z') / 1000}:R>`); // this week's is done
  });

  it('is posted again the next week, and never once switched off', async () => {
    for (const day of ['2026-05-18', '2026-05-19']) await at(`${day}T07:00:00Z`);
    expect(await at('2026-05-24T16:00:00Z')).toEqual(new Map([[guild.id, 'sent']]));
    expect(recapsIn()).toHaveLength(2);
    expect(embedOf(recapsIn()[1]).description).toContain(`to <t:${Date.parse('2026-05-24T16:00:00Z') / 1000}:`);
    const off = await h.discord.command({ user: admin, guild, name: 'schedule', subcommand: 'recap', options: { day: 'off' } });
    expect(off.callback.data?.content).toBe('The weekly recap is off. Nothing more will be posted on its day.');
    expect(await at('2026-05-31T16:00:00Z')).toEqual(new Map());
    expect(recapsIn()).toHaveLength(2);
  });
});

describe('the weekly recap and the bot’s REST budget', () => {
  it('is retried with back-off after a passing error (5xx), and posted once', async () => {
    const flaky = await startHarness({ now: '2026-05-17T15:00:00Z' });
    try {
      const server = flaky.discord.addGuild({ name: 'Flaky Hall' });
      const learner = server.addMember({ username: 'learner' });
      await flaky.launch();
      await flaky.store.schedules.set(server.id, { channelId: server.general.id, time: '09:00', timeZone: 'UTC', weekdays: [1], paused: true });
      await flaky.store.recaps.set(server.id, { weekday: 0, time: '16:00' });
      await flaky.discord.command({ user: learner, guild: server, name: 'lesson', options: { lesson: flaky.course.lessons[0]!.id } });
      await flaky.store.setCompletion(learner.id, flaky.course.lessons[0]!.id, new Date('2026-05-16T10:00:00Z'));
      // discord.js itself retries a 5xx three times; the fourth failure reaches the bot.
      flaky.discord.faults.failNext({ route: '/channels/:channel_id/messages', method: 'POST', times: 4, status: 503 });
      flaky.clock.set('2026-05-17T16:00:00Z');
      expect(await flaky.bot.recaps.tick()).toEqual(new Map([[server.id, 'later']]));
      expect(await flaky.store.recaps.getLast(server.id)).toMatchObject({
        week: '2026-W20',
        state: 'retry',
        attempts: 1,
        error: 'Discord answered 503.',
      });
      flaky.clock.set('2026-05-17T16:00:30Z');
      expect(await flaky.bot.recaps.tick()).toEqual(new Map([[server.id, 'later']])); // not due again yet
      flaky.clock.set('2026-05-17T16:01:00Z');
      expect(await flaky.bot.recaps.tick()).toEqual(new Map([[server.id, 'sent']]));
      expect(flaky.discord.messagesIn(server.general).filter((message) => embedOf(message)?.title === 'Week in review')).toHaveLength(1);
      flaky.discord.takeFailures();
    } finally {
      await flaky.close();
    }
  });

  it('waits while bulk sending is paused, and is posted once it resumes', async () => {
    const paused = await startHarness({ now: '2026-05-17T15:00:00Z', refusedRequestPauseAt: 5 });
    try {
      const server = paused.discord.addGuild({ name: 'Paused Hall' });
      const learner = server.addMember({ username: 'learner' });
      await paused.launch();
      await paused.store.schedules.set(server.id, { channelId: server.general.id, time: '09:00', timeZone: 'UTC', weekdays: [1], paused: true });
      await paused.store.recaps.set(server.id, { weekday: 0, time: '16:00' });
      await paused.discord.command({ user: learner, guild: server, name: 'lesson', options: { lesson: paused.course.lessons[0]!.id } });
      await paused.store.setCompletion(learner.id, paused.course.lessons[0]!.id, new Date('2026-05-16T10:00:00Z'));
      await paused.store.restBudget.addInvalidRequests(Math.floor(Date.parse('2026-05-17T16:00:00Z') / 60_000), 5);
      paused.clock.set('2026-05-17T16:00:00Z');
      await vi.waitFor(() => expect(paused.logLines().some((line) => String(line.msg).startsWith('pausing bulk sends'))).toBe(true), {
        timeout: 5000,
      });
      expect(await paused.bot.recaps.tick()).toEqual(new Map());
      expect(await paused.store.recaps.getWeek(server.id, '2026-W20')).toBeUndefined();
      paused.clock.set('2026-05-17T16:10:00Z'); // the refused requests leave the 10-minute window
      await vi.waitFor(() => expect(paused.logLines().some((line) => String(line.msg).startsWith('resuming bulk sends'))).toBe(true), {
        timeout: 5000,
      });
      expect(await paused.bot.recaps.tick()).toEqual(new Map([[server.id, 'sent']]));
      const posted = paused.discord.messagesIn(server.general).filter((message) => embedOf(message)?.title?.startsWith('Week in review'));
      expect(posted).toHaveLength(1);
      expect(fieldsOf(posted[0])['Lessons of the day']).toBe('None posted this week.');
      paused.assertNoPings();
    } finally {
      await paused.close();
    }
  });
});
