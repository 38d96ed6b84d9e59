import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let organiser: ReturnType<typeof guild.addMember>;
let ada: ReturnType<typeof guild.addMember>;
let bo: ReturnType<typeof guild.addMember>;

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-13T12:00:00Z' });
  guild = h.discord.addGuild({ name: 'Study Hall' });
  organiser = guild.addMember({ username: 'root', manageGuild: true });
  ada = guild.addMember({ username: 'ada' });
  bo = guild.addMember({ username: 'bo' });
  await h.launch();
  await h.discord.command({ user: bo, guild, name: 'course' }); // on the server's roster, as every learner who used the bot there
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

const admin = (subcommand: string, options: Record<string, unknown> = {}, user = organiser) =>
  h.discord.command({ user, guild, name: 'admin', subcommand, options: options as never });
const [linux, python] = [() => h.course.lessons[0]!, () => h.course.lessons[1]!];

describe('/admin', () => {
  it('is refused, ephemerally and changing nothing, to members without Manage Server', async () => {
    for (const [subcommand, options] of [
      ['progress', { member: bo, lesson: linux().id, state: 'done', reason: 'x' }],
      ['reset', { member: bo, reason: 'x' }],
      ['audit', {}],
      ['export', {}],
    ] as const) {
      const reply = await admin(subcommand, options, ada);
      expect(reply.ephemeral, subcommand).toBe(true);
      expect(reply.callback.data?.content, subcommand).toBe(
        'Only members with the Manage Server permission can correct or export the group’s progress. Nothing was changed.',
      );
    }
    expect((await h.store.getCompletions(bo.id, [linux().id])).size).toBe(0);
  });

  it("corrects a member's lesson with a reason, notes it on their /progress, and says when there is nothing to change", async () => {
    const marked = await admin('progress', { member: ada, lesson: linux().id, state: 'done', reason: 'did it on paper' });
    expect(marked.ephemeral).toBe(true);
    expect(marked.callback.data?.content).toBe(`📝 Marked “${linux().title}” done for <@${ada.id}>, and wrote it to the audit log (/admin audit).`);
    const progress = fieldsOf((await h.discord.command({ user: ada, guild, name: 'progress' })).callback.data);
    expect(progress['Whole course']).toContain('1/18');
    expect(progress.Adjusted).toBe(`📝 An organiser of this server corrected this progress <t:${Date.parse('2026-05-13T12:00:00Z') / 1000}:R>.`);

    const again = await admin('progress', { member: ada, lesson: linux().id, state: 'done', reason: 'twice' });
    expect(again.callback.data?.content).toBe(`“${linux().title}” is already done for <@${ada.id}>. Nothing was changed.`);
    await admin('progress', { member: ada, lesson: python().id, state: 'done', reason: 'second lesson' });
    await admin('progress', { member: ada, lesson: python().id, state: 'not-done', reason: 'marked by mistake' });
    expect([...(await h.store.getCompletions(ada.id, [linux().id, python().id])).keys()]).toEqual([linux().id]);
  });

  it('refuses a bot, someone outside the server and a blank reason, changing nothing', async () => {
    const outsider = h.discord.addGuild({ name: 'Elsewhere' }).addMember({ username: 'cy' });
    const cases = [
      [{ member: h.discord.bot, reason: 'x' }, /is a bot, and bots keep no study progress/],
      [{ member: outsider, reason: 'x' }, /is not a member of this server\. Nothing was changed\./],
      [{ member: bo, reason: '   ' }, /^Give a reason/],
    ] as const;
    for (const [options, message] of cases) {
      const reply = await admin('progress', { ...options, lesson: linux().id, state: 'done' });
      expect(reply.ephemeral).toBe(true);
      expect(reply.callback.data?.content).toMatch(message);
    }
    expect((await h.store.getCompletions(bo.id, [linux().id])).size).toBe(0);
  });

  it('resets a member only after the confirmation button, and a cancel changes nothing', async () => {
    for (const lesson of h.course.lessons.slice(0, 3)) await h.store.setCompletion(bo.id, lesson.id, new Date('2026-05-12T09:00:00Z'));
    const cancelled = await admin('reset', { member: bo, reason: 'wrong member' });
    expect(cancelled.callback.data?.content).toMatch(new RegExp(`^Reset the progress of <@${bo.id}>\\? This clears the 3 lessons they have done`));
    const cancel = await h.discord.clickButton({ user: organiser, message: cancelled.message, customId: buttonsOf(cancelled.callback.data)[1]!.id });
    expect(cancel.callback.data?.content).toBe(`Cancelled: the progress of <@${bo.id}> is as it was.`);
    expect(
      (
        await h.store.getCompletions(
          bo.id,
          h.course.lessons.map((lesson) => lesson.id),
        )
      ).size,
    ).toBe(3);

    const asked = await admin('reset', { member: bo, reason: 'starting the course again' });
    expect(buttonsOf(asked.callback.data).map((button) => button.label)).toEqual(['Reset their progress', 'Cancel']);
    const confirm = buttonsOf(asked.callback.data)[0]!.id;
    const done = await h.discord.clickButton({ user: organiser, message: asked.message, customId: confirm });
    expect(done.callback.data?.content).toBe(`🧹 Reset the progress of <@${bo.id}>: 3 lessons cleared. It is in the audit log (/admin audit).`);
    expect(
      (
        await h.store.getCompletions(
          bo.id,
          h.course.lessons.map((lesson) => lesson.id),
        )
      ).size,
    ).toBe(0);
  });

  it('keeps every change in the audit log, newest first, ten to a page', async () => {
    const first = embedOf((await admin('audit')).callback.data);
    const lines = first.description!.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^<t:\\d+:f> <@${organiser.id}> reset the progress of <@${bo.id}> \\(3 lessons cleared\\): “starting the course again”$`),
    );
    expect(lines).toContain(
      `<t:${Date.parse('2026-05-13T12:00:00Z') / 1000}:f> <@${organiser.id}> marked “${linux().title}” done for <@${ada.id}>: “did it on paper”`,
    );
    expect(first.footer?.text).toBe('Page 1 of 1 · 4 entries');

    for (let i = 0; i < 20; i += 1)
      await admin('progress', { member: ada, lesson: h.course.lessons[2 + (i % 10)]!.id, state: i < 10 ? 'done' : 'not-done', reason: `step ${i}` });
    const page1 = await admin('audit');
    expect(embedOf(page1.callback.data).footer?.text).toBe('Page 1 of 3 · 24 entries');
    expect(embedOf(page1.callback.data).description!.split('\n')[0]).toMatch(/“step 19”$/);
    const older = buttonsOf(page1.callback.data).find((button) => button.label === 'Older ▶')!;
    const page2 = await h.discord.clickButton({ user: organiser, message: page1.message, customId: older.id });
    expect(embedOf(page2.callback.data).description!.split('\n')[0]).toMatch(/“step 9”$/);
    const last = embedOf((await admin('audit', { page: 9 })).callback.data);
    expect(last.footer?.text).toBe('Page 3 of 3 · 24 entries');
    expect(last.description!.split('\n')).toHaveLength(4);
  });

  it("exports every learner's progress privately as a CSV file that parses back", async () => {
    await h.discord.command({ user: ada, guild, name: 'me', options: { leaderboard: false } });
    const reply = await admin('export');
    const edited = await reply.edited();
    expect(reply.ephemeral).toBe(true);
    const attachment = reply.message.attachments[0]!;
    expect(attachment.filename).toBe(`progress-${guild.id}-2026-05-13.csv`);
    expect(edited.content).toMatch(/^The progress of this server’s 3 learners/);
    const [header, ...rows] = h.discord
      .attachmentContent(attachment)!
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(header).toEqual(['user_id', 'lessons_done', 'lessons', 'percent', 'streak_days', 'quiz_right', 'quiz_questions', 'last_studied']);
    const byUser = Object.fromEntries(rows.map((row) => [row[0], Object.fromEntries(header!.map((name, i) => [name, row[i]]))]));
    expect(byUser[ada.id]).toEqual({
      user_id: ada.id,
      lessons_done: '1',
      lessons: linux().id,
      percent: '5',
      streak_days: '1',
      quiz_right: '0',
      quiz_questions: '92',
      last_studied: '2026-05-13T12:00:00.000Z',
    });
    expect(byUser[bo.id]).toMatchObject({ lessons_done: '0', lessons: '', percent: '0', last_studied: '' });
  });
});
