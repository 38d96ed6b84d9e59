import { afterEach, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/course/course.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf } from './payloads.ts';

let h: Harness;
afterEach(async () => {
  h.discord.assertClean();
  h.assertNoPings();
  await h.close();
});

async function setUp(now: string, defaultTimeZone = 'UTC') {
  h = await startHarness({ now, defaultTimeZone });
  const guild = h.discord.addGuild({ name: 'Study Hall' });
  const study = guild.addTextChannel('study');
  const admin = guild.addMember({ username: 'root', manageGuild: true });
  await h.launch();
  return { guild, study, admin, learner: guild.addMember({ username: 'ada' }) };
}

type Learner = ReturnType<Awaited<ReturnType<typeof setUp>>['guild']['addMember']>;
const questionsOf = (lessonId: string) => h.course.lessonById(lessonId)!.quiz.map((question) => h.course.questionById(question.id)!);
const wrongChoice = (question: QuizQuestion) => (question.answer + 1) % question.options.length;
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** Takes a lesson's quiz through /quiz, answering question i with `choose(question, i)`. */
async function quiz(learner: Learner, lessonId: string, choose: (question: QuizQuestion, i: number) => number) {
  let step = await h.discord.command({ user: learner, name: 'quiz', options: { lesson: lessonId } });
  const message = step.message;
  for (const [i, question] of questionsOf(lessonId).entries()) {
    const answered = await h.discord.clickButton({ user: learner, message, customId: buttonsOf(step.callback.data)[choose(question, i)]!.id });
    step = await h.discord.clickButton({ user: learner, message, customId: buttonsOf(answered.callback.data)[0]!.id });
  }
}

/** Runs /review and answers every question it serves with `choose`; returns the questions served and the closing text. */
async function review(learner: Learner, choose: (question: QuizQuestion) => number) {
  let step = await h.discord.command({ user: learner, name: 'review' });
  expect(step.ephemeral).toBe(true);
  const message = step.message;
  const served: string[] = [];
  let data = step.callback.data;
  while (buttonsOf(data).length > 1) {
    const question = h.course.questionById(buttonsOf(data)[0]!.id.split(':')[2]!)!;
    served.push(question.id);
    const answered = await h.discord.clickButton({ user: learner, message, customId: buttonsOf(data)[choose(question)]!.id });
    step = await h.discord.clickButton({ user: learner, message, customId: buttonsOf(answered.callback.data)[0]!.id });
    data = step.callback.data;
  }
  return { served, closing: embedOf(data).description ?? '' };
}

describe('/review', () => {
  it('brings a missed question back the next day and the right ones three days later, then later still', async () => {
    const { learner } = await setUp('2026-05-11T12:00:00Z');
    const linux = questionsOf('linux');
    await quiz(learner, 'linux', (question, i) => (i === 0 ? wrongChoice(question) : question.answer));

    expect((await review(learner, (question) => question.answer)).closing).toBe(
      `Nothing to review now. Next review due <t:${seconds('2026-05-12T00:00:00Z')}:R> (<t:${seconds('2026-05-12T00:00:00Z')}:f>).`,
    );

    h.clock.set('2026-05-12T08:00:00Z');
    const nextDay = await review(learner, (question) => question.answer);
    expect(nextDay.served).toEqual([linux[0]!.id]);
    expect(nextDay.closing).toBe(
      `Reviewed 1: 1 right.\nNext review due <t:${seconds('2026-05-14T00:00:00Z')}:R> (<t:${seconds('2026-05-14T00:00:00Z')}:f>).`,
    );

    h.clock.set('2026-05-14T08:00:00Z');
    const threeDays = await review(learner, (question) => question.answer);
    expect(threeDays.served).toEqual(linux.slice(1).map((question) => question.id));
    // The question missed first and right on day 1 is due on day 4 (3 days after); the others now wait 7 days.
    h.clock.set('2026-05-15T08:00:00Z');
    expect((await review(learner, (question) => question.answer)).served).toEqual([linux[0]!.id]);
    const stored = await h.store.quiz.getReviews(learner.id, [linux[1]!.id]);
    expect(stored.get(linux[1]!.id)).toMatchObject({ box: 3, due: '2026-05-21', right: true });
  });

  it('serves at most 10 questions a session and says how many more are due', async () => {
    const { learner } = await setUp('2026-05-11T12:00:00Z');
    for (const lessonId of ['linux', 'python', 'containers']) await quiz(learner, lessonId, wrongChoice);
    h.clock.set('2026-05-12T09:00:00Z');
    const total = ['linux', 'python', 'containers'].reduce((sum, lessonId) => sum + questionsOf(lessonId).length, 0);
    const first = await review(learner, wrongChoice);
    expect(first.served).toHaveLength(10);
    expect(first.closing).toBe(`Reviewed 10: 0 right.\n${total - 10} more due now: run \`/review\` again for the next session.`);
    expect((await review(learner, (question) => question.answer)).served).toHaveLength(total - 10);
  });

  it("starts the clicker's own review from someone else's review message, and leaves theirs alone", async () => {
    const { guild, learner } = await setUp('2026-05-11T12:00:00Z');
    const other = guild.addMember({ username: 'bo' });
    await quiz(learner, 'linux', wrongChoice);
    h.clock.set('2026-05-12T08:00:00Z');
    const adas = await h.discord.command({ user: learner, name: 'review' });
    const click = await h.discord.clickButton({ user: other, message: adas.message, customId: buttonsOf(adas.callback.data)[0]!.id });
    expect(click.ephemeral).toBe(true);
    expect(embedOf(click.callback.data).description).toMatch(/^Nothing to review yet/);
    expect(await h.store.quiz.getReviews(other.id, [questionsOf('linux')[0]!.id])).toEqual(new Map());
    expect((await h.store.quiz.getReviews(learner.id, [questionsOf('linux')[0]!.id])).get(questionsOf('linux')[0]!.id)?.due).toBe('2026-05-12');
  });

  it("counts a learner's days in a server by the server's schedule time zone", async () => {
    const { guild, study, admin, learner } = await setUp('2026-05-11T20:30:00Z'); // 20:30 on 11 May in UTC, the default zone
    await h.discord.command({
      user: admin,
      guild,
      name: 'schedule',
      subcommand: 'set',
      options: { channel: study, time: '09:00', timezone: 'Asia/Tokyo' } as never,
    });
    // 05:30 on 12 May in Tokyo: a wrong answer now comes back on Tokyo's 13 May, whose midnight is 15:00 UTC on the 12th.
    const started = await h.discord.command({ user: learner, guild, name: 'quiz', options: { lesson: 'linux' } });
    const first = questionsOf('linux')[0]!;
    const answer = buttonsOf(started.callback.data)[wrongChoice(first)]!.id;
    const answered = await h.discord.clickButton({ user: learner, message: started.message, customId: answer });
    expect(embedOf(answered.callback.data).title).toBe('❌ Not quite');
    const stored = await h.store.quiz.getReviews(learner.id, [first.id]);
    expect(stored.get(first.id)?.due).toBe('2026-05-13');
    const inServer = await h.discord.command({ user: learner, guild, name: 'review' });
    expect(embedOf(inServer.callback.data).description).toContain(`<t:${seconds('2026-05-12T15:00:00Z')}:R>`);
  });

  it('says there is nothing to review before any quiz', async () => {
    const { learner } = await setUp('2026-05-11T12:00:00Z');
    expect((await review(learner, (question) => question.answer)).closing).toMatch(/^Nothing to review yet: answer a quiz with `\/quiz`/);
  });

  it("keeps due dates on the learner's calendar across a change to summer time", async () => {
    // Berlin moves from CET (+1) to CEST (+2) early on Sunday 29 March 2026.
    const { learner } = await setUp('2026-03-28T22:30:00Z', 'Europe/Berlin'); // 23:30 on Saturday in Berlin
    const [first] = questionsOf('linux');
    await quiz(learner, 'linux', (question, i) => (i === 0 ? wrongChoice(question) : question.answer));
    const saturday = await review(learner, (question) => question.answer);
    expect(saturday.closing).toContain(`<t:${seconds('2026-03-28T23:00:00Z')}:R>`); // midnight in Berlin, still CET
    h.clock.set('2026-03-28T23:05:00Z'); // 00:05 on Sunday in Berlin
    const sunday = await review(learner, (question) => question.answer);
    expect(sunday.served).toEqual([first!.id]);
    // The rest were right on Saturday: due Tuesday 31 March, whose midnight is at +2.
    expect(sunday.closing).toContain(`<t:${seconds('2026-03-30T22:00:00Z')}:R>`);
  });
});
