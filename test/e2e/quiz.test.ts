import { ApplicationIntegrationType, InteractionContextType, InteractionResponseType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/course/course.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let study: ReturnType<typeof guild.addTextChannel>;
type Learner = ReturnType<typeof guild.addMember>;

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-11T12:00:00Z' });
  guild = h.discord.addGuild({ name: 'Study Hall' });
  study = guild.addTextChannel('study');
  await h.launch();
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

const quizCommand = (user: Learner, lesson: string) => h.discord.command({ user, guild, channel: study, name: 'quiz', options: { lesson } });
const questionsOf = (lessonId: string) => h.course.lessonById(lessonId)!.quiz.map((question) => h.course.questionById(question.id)!);
const wrongChoice = (question: QuizQuestion) => (question.answer + 1) % question.options.length;

/** Clicks through a whole quiz from its first question, choosing with `choose`; returns every step's exchange. */
async function takeQuiz(user: Learner, first: Awaited<ReturnType<typeof quizCommand>>, choose: (question: QuizQuestion, i: number) => number) {
  const message = first.message;
  const lessonId = h.course.questionById(buttonsOf(first.callback.data)[0]!.id.split(':')[2]!)!.lesson.id;
  const steps = [];
  for (const [i, question] of questionsOf(lessonId).entries()) {
    const current = i === 0 ? first.callback.data : steps.at(-1)!.callback.data;
    const answer = await h.discord.clickButton({ user, message, customId: buttonsOf(current)[choose(question, i)]!.id });
    const onward = await h.discord.clickButton({ user, message, customId: buttonsOf(answer.callback.data)[0]!.id });
    steps.push(answer, onward);
  }
  return steps;
}

describe('/quiz', () => {
  it('asks one question at a time, privately, with a button per option, then explains the answer and ends with the score as n/m', async () => {
    const ada = guild.addMember({ username: 'ada' });
    const linux = questionsOf('linux');
    const first = await quizCommand(ada, 'linux');
    expect(first.ephemeral).toBe(true);
    expect(embedOf(first.callback.data)).toMatchObject({ title: `Question 1 of ${linux.length}`, author: { name: 'Quiz · Linux' } });
    expect(embedOf(first.callback.data).description).toContain(linux[0]!.question);
    expect(buttonsOf(first.callback.data)).toHaveLength(linux[0]!.options.length);
    expect(buttonsOf(first.callback.data)[0]!.label).toMatch(/^A\. /);

    const steps = await takeQuiz(ada, first, (question, i) => (i === 1 ? wrongChoice(question) : question.answer));
    const [rightAnswer, next, wrongAnswer] = steps;
    expect(rightAnswer!.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedOf(rightAnswer!.callback.data)).toMatchObject({ title: '✅ Right', footer: { text: 'Score so far: 1/1' } });
    expect(embedOf(rightAnswer!.callback.data).description).toContain(`**Answer:** ${linux[0]!.options[linux[0]!.answer]}`);
    expect(embedOf(rightAnswer!.callback.data).description).toContain(linux[0]!.explanation);
    expect(buttonsOf(rightAnswer!.callback.data).map((button) => button.label)).toEqual(['Next question ▶']);
    expect(embedOf(next!.callback.data).title).toBe(`Question 2 of ${linux.length}`);
    expect(embedOf(wrongAnswer!.callback.data).title).toBe('❌ Not quite');
    expect(embedOf(wrongAnswer!.callback.data).description).toContain(`You chose: ${linux[1]!.options[wrongChoice(linux[1]!)]}`);
    expect(embedOf(wrongAnswer!.callback.data).description).toContain(`**Answer:** ${linux[1]!.options[linux[1]!.answer]}`);
    expect(buttonsOf(steps.at(-2)!.callback.data).map((button) => button.label)).toEqual(['See your score']);
    expect(embedOf(steps.at(-1)!.callback.data).title).toBe(`Quiz score: ${linux.length - 1}/${linux.length}`);
    expect(h.discord.messagesIn(study).filter((message) => message.author.id === h.discord.bot.id)).toHaveLength(0);
  });

  it('shows the best score on /lesson and, with mastery per part and reviews due, on /progress', async () => {
    const bo = guild.addMember({ username: 'bo' });
    await takeQuiz(bo, await quizCommand(bo, 'python'), (question, i) => (i === 0 ? wrongChoice(question) : question.answer));
    await takeQuiz(bo, await quizCommand(bo, 'python'), (question, i) => (i < 3 ? wrongChoice(question) : question.answer));
    const python = questionsOf('python');
    const lesson = await h.discord.command({ user: bo, guild, channel: study, name: 'lesson', options: { lesson: 'python' } });
    expect(embedOf(lesson.callback.data).description).toMatch(
      new RegExp(`^⬜ Not done yet · 📝 Quiz best: ${python.length - 1}/${python.length} \\(passed\\)`),
    );
    expect(buttonsOf(lesson.callback.data).map((button) => button.label)).toContain('Quiz');
    const progress = await h.discord.command({ user: bo, guild, channel: study, name: 'progress' });
    const fields = fieldsOf(progress.callback.data);
    expect(fields['Quizzes passed: 1/18']).toBe(`✅ Python ${python.length - 1}/${python.length}`);
    // The second attempt's answers are the last ones: three wrong.
    expect(fields['Quiz mastery (right at last answer)']).toMatch(
      new RegExp(`^${python.length - 3}\\/\\d+ in all · MLOps1: ${python.length - 3}\\/\\d+ · MLOps2: 0\\/\\d+$`),
    );
    expect(fields['Reviews due']).toBe('None now');
    const othersView = await h.discord.command({
      user: guild.addMember({ username: 'cy' }),
      guild,
      channel: study,
      name: 'progress',
      options: { member: bo },
    });
    expect(Object.keys(fieldsOf(othersView.callback.data)).some((name) => name.startsWith('Quizzes'))).toBe(false);
  });

  it('answers a lesson that does not exist ephemerally', async () => {
    const reply = await quizCommand(guild.addMember({ username: 'dee' }), 'kubernets');
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/There is no lesson called “kubernets”/);
  });
});

describe('quiz privacy', () => {
  it("gives each learner their own quiz from the lesson of the day's Quiz button, and a click on someone else's quiz starts the clicker's own", async () => {
    const [eve, fay] = [guild.addMember({ username: 'eve' }), guild.addMember({ username: 'fay' })];
    const post = await h.postAsBot(study.id, {
      content: 'A lesson of the day',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Quiz', custom_id: `sc1:quiz:containers` }] }],
    });
    const eves = await h.discord.clickButton({ user: eve, message: post, customId: 'sc1:quiz:containers' });
    const fays = await h.discord.clickButton({ user: fay, message: post, customId: 'sc1:quiz:containers' });
    for (const quiz of [eves, fays]) {
      expect(quiz.ephemeral).toBe(true);
      expect(embedOf(quiz.callback.data).title).toBe('Question 1 of 5');
    }
    expect(buttonsOf(eves.callback.data)[0]!.id).toContain(eve.id);
    expect(buttonsOf(fays.callback.data)[0]!.id).toContain(fay.id);
    // Fay clicks an answer on Eve's quiz message: she gets a quiz of her own and Eve's is untouched.
    const intruding = await h.discord.clickButton({ user: fay, message: eves.message, customId: buttonsOf(eves.callback.data)[0]!.id });
    expect(intruding.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(intruding.ephemeral).toBe(true);
    expect(buttonsOf(intruding.callback.data)[0]!.id).toContain(fay.id);
    expect(embedOf(eves.message).title).toBe('Question 1 of 5');
    expect(await h.store.quiz.getReviews(eve.id, [questionsOf('containers')[0]!.id])).toEqual(new Map());
  });

  it('explains a question removed from the course and a tampered id, ephemerally, and records nothing', async () => {
    const gil = guild.addMember({ username: 'gil' });
    const stale = `sc1:answer:linux-removed-question:0:0:0:${gil.id}`;
    const tampered = `sc1:answer:linux-sudo:7:0:0:${gil.id}`;
    const post = await h.postAsBot(study.id, {
      content: 'An old quiz',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [stale, tampered].map((id, i) => ({ type: 2, style: 2, label: `Old ${i}`, custom_id: id })) }],
    });
    const gone = await h.discord.clickButton({ user: gil, message: post, customId: stale });
    expect(gone.ephemeral).toBe(true);
    expect(gone.callback.data?.content).toMatch(/That question is no longer in the course/);
    const bad = await h.discord.clickButton({ user: gil, message: post, customId: tampered });
    expect(bad.ephemeral).toBe(true);
    expect(bad.callback.data?.content).toMatch(/This button is out of date or was not made by this bot/);
    expect(await h.store.quiz.getReviews(gil.id, ['linux-removed-question'])).toEqual(new Map());
  });
});

describe('clicks the quiz does not expect', () => {
  it('grades a double click once: the second click is told the question was answered, and only one answer counts', async () => {
    const ivy = guild.addMember({ username: 'ivy' });
    const first = await quizCommand(ivy, 'linux');
    const [one, two] = buttonsOf(first.callback.data);
    const clicks = await Promise.all([one!, two!].map((button) => h.discord.clickButton({ user: ivy, message: first.message, customId: button.id })));
    const updated = clicks.filter((click) => click.callback.type === InteractionResponseType.UpdateMessage);
    const refused = clicks.filter((click) => click.callback.type === InteractionResponseType.ChannelMessageWithSource);
    expect(updated).toHaveLength(1);
    expect(refused.map((click) => [click.ephemeral, click.callback.data?.content])).toEqual([
      [true, 'You have already answered this question: carry on from the quiz message.'],
    ]);
    const counted = await h.store.quiz.getReviews(ivy.id, [questionsOf('linux')[0]!.id]);
    expect(counted.get(questionsOf('linux')[0]!.id)?.attemptId).toBe(first.message.id);
  });

  it('refuses a quiz button whose count of earlier questions does not match the course, ephemerally', async () => {
    const jo = guild.addMember({ username: 'jo' });
    const third = questionsOf('linux')[2]!;
    const forged = `sc1:answer:${third.id}:0:0:0:${jo.id}`;
    const post = await h.postAsBot(study.id, {
      content: 'a forged quiz step',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'A', custom_id: forged }] }],
    });
    const reply = await h.discord.clickButton({ user: jo, message: post, customId: forged });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe('This quiz message is out of date. Start the quiz again with `/quiz`.');
    expect(await h.store.quiz.getReviews(jo.id, [third.id])).toEqual(new Map());
  });
});

describe('user install', () => {
  it("registers the learner's own commands for user installs, in servers, bot DMs and private channels; /group and /schedule stay with servers", async () => {
    const registered = h.discord.commands.list();
    const reach = Object.fromEntries(registered.map((command) => [command.name, { types: command.integration_types, contexts: command.contexts }]));
    const anywhere = {
      types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    };
    for (const name of ['lesson', 'quiz', 'review', 'progress', 'me', 'course']) expect(reach[name]).toEqual(anywhere);
    for (const name of ['group', 'schedule']) expect(reach[name]!.types).toEqual([ApplicationIntegrationType.GuildInstall]);
  });

  it('runs a quiz in a DM with the bot', async () => {
    const hal = h.discord.addUser({ username: 'hal' });
    const first = await h.discord.command({ user: hal, name: 'quiz', options: { lesson: 'linux' } });
    expect(first.ephemeral).toBe(true);
    const answered = await h.discord.clickButton({ user: hal, message: first.message, customId: buttonsOf(first.callback.data)[0]!.id });
    expect(embedOf(answered.callback.data).title).toMatch(/Right|Not quite/);
  });
});
