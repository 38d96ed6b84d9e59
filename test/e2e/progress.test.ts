import { InteractionResponseType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let ada: ReturnType<typeof guild.addMember>;
let bo: ReturnType<typeof guild.addMember>;

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-11T12:00:00Z' });
  guild = h.discord.addGuild({ name: 'Study Hall' });
  ada = guild.addMember({ username: 'ada', nick: 'Ada L.' });
  bo = guild.addMember({ username: 'bo' });
  await h.launch();
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

/** Marks lessons done through the bot, as the learner would: /lesson then Mark done, on the given days. */
async function study(user: typeof ada, lessonIds: string[], isoDays: string[]) {
  for (const [i, lessonId] of lessonIds.entries()) {
    h.clock.set(isoDays[i] ?? isoDays.at(-1)!);
    const reply = await h.discord.command({ user, guild, name: 'lesson', options: { lesson: lessonId } });
    const markDone = (reply.callback.data?.components?.[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
    await h.discord.clickButton({ user, message: reply.message, customId: markDone });
  }
}

describe('/progress', () => {
  it("shows the caller's parts, whole course, streak, last study and next lesson", async () => {
    await study(ada, ['linux', 'python', 'bash-scripting'], ['2026-05-09T10:00:00Z', '2026-05-10T10:00:00Z', '2026-05-11T10:00:00Z']);
    h.clock.set('2026-05-11T12:00:00Z');
    const reply = await h.discord.command({ user: ada, guild, name: 'progress' });
    expect(reply.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(embedOf(reply.callback.data).title).toBe('Ada L.: MLOps progress');
    expect(fieldsOf(reply.callback.data)).toEqual({
      MLOps1: '▰▰▱▱▱▱▱▱▱▱ 3/11 (27%)',
      MLOps2: '▱▱▱▱▱▱▱▱▱▱ 0/7 (0%)',
      'Whole course': '▰▱▱▱▱▱▱▱▱▱ 3/18 (16%)',
      Streak: '🔥 3 days · 🧊 0/2 freezes',
      'Last 12 weeks': expect.stringContaining('Studied on 3 of the last'),
      'Last studied': `<t:${Date.parse('2026-05-11T10:00:00Z') / 1000}:R>`,
      'Next lesson': 'Web APIs (MLOps1)',
      'Quizzes passed: 0/18': 'No quiz taken yet: try `/quiz`.',
      'Quiz mastery (right at last answer)': '0/92 in all · MLOps1: 0/56 · MLOps2: 0/36',
      'Reviews due': 'None now',
    });
  });

  it("shows a member's progress to someone else", async () => {
    const reply = await h.discord.command({ user: bo, guild, name: 'progress', options: { member: ada } });
    expect(embedOf(reply.callback.data).title).toBe('Ada L.: MLOps progress');
    expect(fieldsOf(reply.callback.data)['Whole course']).toBe('▰▱▱▱▱▱▱▱▱▱ 3/18 (16%)');
  });

  it('refuses a bot as the member, ephemerally', async () => {
    const reply = await h.discord.command({ user: ada, guild, name: 'progress', options: { member: h.discord.bot } });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/is a bot, and bots keep no study progress/);
  });

  it('works in a DM, with the same progress as in the server', async () => {
    const reply = await h.discord.command({ user: ada.user, name: 'progress' });
    expect(fieldsOf(reply.callback.data)['Whole course']).toBe('▰▱▱▱▱▱▱▱▱▱ 3/18 (16%)');
  });
});

describe('/group', () => {
  it('is for servers, said clearly in a DM', async () => {
    const reply = await h.discord.command({ user: ada.user, name: 'group' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/^The group view belongs to a server/);
  });

  it("ranks 30 learners ten to a page, with paging buttons and the viewer's own rank, pinging nobody", async () => {
    const hall = h.discord.addGuild({ name: 'Big Hall' });
    const learners = Array.from({ length: 30 }, (_, i) => hall.addMember({ username: `learner${i}` }));
    for (const [i, learner] of learners.entries()) {
      for (const lesson of h.course.lessons.slice(0, i % 19)) await h.store.setCompletion(learner.id, lesson.id, new Date('2026-05-11T09:00:00Z'));
      await h.discord.command({ user: learner, guild: hall, name: 'progress' });
    }
    const viewer = learners[3]!;
    const reply = await h.discord.command({ user: viewer, guild: hall, name: 'group' });
    expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const page1 = await reply.edited();
    const lines = embedOf(page1).description!.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(`**#1** <@${learners[18]!.id}>: 18/18 (100%) · 🔥 1`);
    expect(embedOf(page1).footer?.text).toBe('Page 1 of 3 · 30 learners');
    expect(fieldsOf(page1).You).toMatch(new RegExp(`^\\*\\*#\\d+\\*\\* <@${viewer.id}>: 3/18 \\(16%\\)`));
    expect(page1.allowed_mentions).toMatchObject({ parse: [] });

    const next = (page1.components?.[0] as { components: { custom_id: string; label: string }[] }).components.find(
      (button) => button.label === 'Next ▶',
    )!;
    const page2 = await h.discord.clickButton({ user: viewer, message: reply.message, customId: next.custom_id });
    const edited = await page2.edited();
    expect(embedOf(edited).footer?.text).toBe('Page 2 of 3 · 30 learners');
    expect(fieldsOf(edited).You).toBe(fieldsOf(page1).You);

    const nowShowing = reply.message;
    const nextNow = (nowShowing.components?.[0] as { components: { custom_id: string; label: string }[] }).components.find(
      (button) => button.label === 'Next ▶',
    )!;
    const byOther = await h.discord.clickButton({ user: learners[0]!, message: nowShowing, customId: nextNow.custom_id });
    expect(byOther.ephemeral).toBe(true);
    const theirs = await byOther.edited();
    expect(embedOf(theirs).footer?.text).toBe('Page 3 of 3 · 30 learners');
    expect(fieldsOf(theirs).You).toMatch(new RegExp(`<@${learners[0]!.id}>: 0/18`));
    expect(embedOf(h.discord.messagesIn(hall.general).find((message) => message.id === reply.message.id)).footer?.text).toBe(
      'Page 2 of 3 · 30 learners',
    );
  });
});
