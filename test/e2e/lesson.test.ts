import { InteractionResponseType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildButtonId } from '../../src/ui/custom-id.ts';
import { makeCourse } from '../support/fixtures.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let study: ReturnType<typeof guild.addTextChannel>;
let ada: ReturnType<typeof guild.addMember>;
let bo: ReturnType<typeof guild.addMember>;

beforeAll(async () => {
  h = await startHarness();
  guild = h.discord.addGuild({ name: 'Study Hall' });
  study = guild.addTextChannel('study');
  ada = guild.addMember({ username: 'ada' });
  bo = guild.addMember({ username: 'bo' });
  await h.launch();
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

const lessonCommand = (user: typeof ada, lesson?: string) =>
  h.discord.command({ user, guild, channel: study, name: 'lesson', ...(lesson ? { options: { lesson } } : {}) });

describe('/lesson autocomplete', () => {
  const typed = (value: string) => h.discord.autocomplete({ user: ada, guild, channel: study, name: 'lesson', focused: { name: 'lesson', value } });

  it('finds lessons by topic: kafka, spark, docker', async () => {
    expect((await typed('kafka'))[0]).toEqual({ name: 'Source Systems (MLOps2)', value: 'source-systems' });
    expect((await typed('spark'))[0]?.value).toBe('batch-ingestion');
    expect((await typed('docker'))[0]).toEqual({ name: 'Containerization & Orchestration I: Containers (MLOps1)', value: 'containers' });
  });

  it('lists the course in order for an empty query', async () => {
    expect((await typed('')).map((choice) => choice.value)).toEqual(h.course.lessons.map((lesson) => lesson.id));
  });
});

describe('/lesson', () => {
  it('opens the chosen lesson with its part, position, sections and buttons', async () => {
    const reply = await lessonCommand(ada, 'web-api');
    expect(reply.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const embed = embedOf(reply.callback.data);
    expect(embed).toMatchObject({ title: 'Web APIs', author: { name: 'MLOps1 · Lesson 4 of 18' } });
    expect(embed.description).toMatch(/^⬜ Not done yet · 📝 Quiz not taken yet\n\n/);
    expect(embed.fields?.map((field) => field.name)).toEqual(['Key topics', 'Practice', 'Check yourself']);
    expect(buttonsOf(reply.callback.data).map((button) => button.label)).toEqual(['Mark done', 'Quiz', '◀ Previous', 'Next ▶']);
  });

  it("opens the caller's next lesson without an option", async () => {
    const cy = guild.addMember({ username: 'cy' });
    expect(embedOf((await lessonCommand(cy)).callback.data).title).toBe('Linux');
    await h.discord.clickButton({
      user: cy,
      message: (await lessonCommand(cy)).message,
      customId: buildButtonId({ action: 'done', lessonId: 'linux', ownerId: cy.id }),
    });
    expect(embedOf((await lessonCommand(cy)).callback.data).title).toBe('Python');
  });

  it('answers a typed value that is not a lesson ephemerally, suggesting the closest', async () => {
    const reply = await lessonCommand(ada, 'kubernets');
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(
      /There is no lesson called “kubernets”.*\n• Containerization & Orchestration II: Orchestration \(MLOps1\)/s,
    );
  });

  it("builds every shipped lesson's message inside Discord's limits", async () => {
    for (const lesson of h.course.lessons) {
      const reply = await lessonCommand(ada, lesson.id);
      expect(embedOf(reply.callback.data).title).toBe(lesson.title);
    }
    h.discord.assertClean();
  });
});

describe('the lesson buttons', () => {
  it('toggles done in place for the owner, and the mark survives a bot restart', async () => {
    const reply = await lessonCommand(ada, 'linux');
    const done = await h.discord.clickButton({ user: ada, message: reply.message, customId: buttonsOf(reply.callback.data)[0]!.id });
    expect(done.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedOf(done.callback.data).description).toMatch(/^✅ Done <t:\d+:R>/);
    expect(buttonsOf(done.callback.data)[0]!.label).toBe('Mark not done');

    await h.restart();
    const again = await lessonCommand(ada, 'linux');
    expect(embedOf(again.callback.data).description).toMatch(/^✅ Done/);
    const undone = await h.discord.clickButton({ user: ada, message: again.message, customId: buttonsOf(again.callback.data)[0]!.id });
    expect(embedOf(undone.callback.data).description).toMatch(/^⬜ Not done yet/);
    await h.restart();
    expect(embedOf((await lessonCommand(ada, 'linux')).callback.data).description).toMatch(/^⬜ Not done yet/);
  });

  it("marks the lesson for the learner who clicks, not the message's author", async () => {
    const adas = await lessonCommand(ada, 'python');
    const click = await h.discord.clickButton({ user: bo, message: adas.message, customId: buttonsOf(adas.callback.data)[0]!.id });
    expect(click.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(click.ephemeral).toBe(true);
    expect(click.callback.data?.content).toMatch(/^Marked done for you: 1\/18 lessons\.$/);
    expect(embedOf((await lessonCommand(bo, 'python')).callback.data).description).toMatch(/^✅ Done/);
    expect(embedOf((await lessonCommand(ada, 'python')).callback.data).description).toMatch(/^⬜ Not done yet/);
  });

  it('navigates in place for the owner and opens a private copy for anyone else', async () => {
    const reply = await lessonCommand(ada, 'storage');
    const next = buttonsOf(reply.callback.data).find((button) => button.label === 'Next ▶')!;
    const byOwner = await h.discord.clickButton({ user: ada, message: reply.message, customId: next.id });
    expect(byOwner.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedOf(byOwner.callback.data).title).toBe('Ingestion I: Batch');

    const previous = buttonsOf(byOwner.callback.data).find((button) => button.label === '◀ Previous')!;
    const bySomeoneElse = await h.discord.clickButton({ user: bo, message: reply.message, customId: previous.id });
    expect(bySomeoneElse.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(bySomeoneElse.ephemeral).toBe(true);
    expect(embedOf(bySomeoneElse.callback.data).title).toBe('Storage');
    expect(buttonsOf(bySomeoneElse.callback.data)[0]!.id).toContain(bo.id);
  });

  it.each([
    ['a tampered id', 'sc1:done:linux:not-a-user', /out of date or was not made by this bot/],
    ['an id of another format', 'giveaway:enter', /out of date or was not made by this bot/],
    ['a lesson no longer in the course', 'sc1:done:retired-lesson:123456789012345678', /no longer in the course/],
  ])('explains %s ephemerally and marks nothing', async (_case, customId, reason) => {
    const old = await h.postAsBot(study.id, {
      content: 'A message from an older version',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Mark done', custom_id: customId }] }],
    });
    const click = await h.discord.clickButton({ user: ada, message: old, customId });
    expect(click.ephemeral).toBe(true);
    expect(click.callback.data?.content).toMatch(reason);
    expect(embedOf((await lessonCommand(ada, 'linux')).callback.data).description).toMatch(/^⬜ Not done yet/);
  });
});

describe('/lesson in a DM', () => {
  it('works with the bot directly', async () => {
    const solo = h.discord.addUser({ username: 'solo' });
    const reply = await h.discord.command({ user: solo, name: 'lesson', options: { lesson: 'linux' } });
    expect(embedOf(reply.callback.data).title).toBe('Linux');
    const done = await h.discord.clickButton({ user: solo, message: reply.message, customId: buttonsOf(reply.callback.data)[0]!.id });
    expect(embedOf(done.callback.data).description).toMatch(/^✅ Done/);
  });
});

describe('a finished course', () => {
  it('congratulates the learner who has done every lesson', async () => {
    const small = await startHarness({ course: makeCourse(1, 1) });
    try {
      const g = small.discord.addGuild({ name: 'Tiny' });
      const zed = g.addMember({ username: 'zed' });
      await small.launch();
      for (const id of ['p1-l1', 'p2-l1']) await small.store.setCompletion(zed.id, id, small.clock.now());
      const reply = await small.discord.command({ user: zed, guild: g, name: 'lesson' });
      expect(reply.callback.data?.content).toMatch(/^🎓 You have completed every lesson of Test course/);
      expect(embedOf(reply.callback.data).fields?.map((field) => field.name)).toEqual(['Part 1 · 1 lessons', 'Part 2 · 1 lessons']);
      small.discord.assertClean();
    } finally {
      await small.close();
    }
  });

  it('caps autocomplete at 25 choices', async () => {
    const big = await startHarness({ course: makeCourse(20, 20) });
    try {
      const g = big.discord.addGuild({ name: 'Big' });
      await big.launch();
      const choices = await big.discord.autocomplete({ user: g.owner, guild: g, name: 'lesson', focused: { name: 'lesson', value: '' } });
      expect(choices).toHaveLength(25);
      big.discord.assertClean();
    } finally {
      await big.close();
    }
  });
});
