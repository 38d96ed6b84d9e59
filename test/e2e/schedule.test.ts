import { ButtonStyle, InteractionResponseType, PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let study: ReturnType<typeof guild.addTextChannel>;
let admin: ReturnType<typeof guild.addMember>;
let ada: ReturnType<typeof guild.addMember>;

beforeEach(async () => {
  h = await startHarness({ now: '2026-05-11T06:00:00Z' }); // a Monday
  guild = h.discord.addGuild({ name: 'Study Hall' });
  study = guild.addTextChannel('study');
  admin = guild.addMember({ username: 'root', manageGuild: true });
  ada = guild.addMember({ username: 'ada' });
  await h.launch();
});
afterEach(async () => {
  h.discord.assertClean();
  h.assertNoPings();
  await h.close();
});

const schedule = (subcommand: string, options?: Record<string, unknown>, user = admin) =>
  h.discord.command({ user, guild, channel: guild.general, name: 'schedule', subcommand, ...(options ? { options: options as never } : {}) });
const postsIn = () => h.discord.messagesIn(study).filter((message) => message.author.id === h.discord.bot.id);
const titles = () => postsIn().map((message) => embedOf(message)?.title ?? message.content);
/** Moves the clock and runs the minute tick, as node-cron would. */
async function at(iso: string) {
  h.clock.set(iso);
  await h.bot.poster.tick();
}

describe('the lesson of the day', () => {
  beforeEach(async () => {
    const reply = await schedule('set', { channel: study, time: '09:00', timezone: 'Europe/Berlin' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/^Saved: the lesson of the day goes to <#\d+> at 09:00 \(Europe\/Berlin\), every day/);
  });

  it("posts the group's lesson at the server's time, with its buttons and a discussion thread", async () => {
    await at('2026-05-11T06:59:00Z'); // 08:59 in Berlin
    expect(postsIn()).toHaveLength(0);
    await at('2026-05-11T07:00:00Z');
    const [post] = postsIn();
    expect(embedOf(post)).toMatchObject({ title: 'Linux', author: { name: 'Lesson of the day · 2026-05-11 · MLOps1 · Lesson 1 of 18' } });
    expect(embedOf(post).fields?.map((field) => field.name)).toEqual(['Practice', 'Check yourself']);
    expect(buttonsOf(post!).map((button) => [button.label, button.style])).toEqual([
      ['Studied it', ButtonStyle.Success],
      ['Open the full lesson', ButtonStyle.Secondary],
      ['Quiz', ButtonStyle.Primary],
    ]);
    expect(h.discord.threadsIn(study).map((thread) => thread.name)).toEqual(['Linux · 2026-05-11']);

    const studied = await h.discord.clickButton({ user: ada, message: post!, customId: buttonsOf(post!)[0]!.id });
    expect(studied.ephemeral).toBe(true);
    expect(studied.callback.data?.content).toBe('✅ Marked “Linux” as studied. 1/18 lessons done.');
    const again = await h.discord.clickButton({ user: ada, message: post!, customId: buttonsOf(post!)[0]!.id });
    expect(again.callback.data?.content).toBe('You had already studied “Linux”. 1/18 lessons done.');
    const full = await h.discord.clickButton({ user: admin, message: post!, customId: buttonsOf(post!)[1]!.id });
    expect(full.ephemeral).toBe(true);
    expect(embedOf(full.callback.data)).toMatchObject({ title: 'Linux', description: expect.stringMatching(/^⬜ Not done yet/) });
  });

  it('posts exactly once on a day, across a restart', async () => {
    await at('2026-05-11T07:00:00Z');
    await at('2026-05-11T07:01:00Z');
    await h.restart();
    await at('2026-05-11T08:00:00Z');
    await at('2026-05-11T21:59:00Z'); // 23:59 in Berlin
    expect(titles()).toEqual(['Linux']);
  });

  it("catches up at start-up once when it starts after today's time, and never posts a backlog", async () => {
    await at('2026-05-11T07:00:00Z');
    await h.bot.stop(); // down from Monday morning to Thursday noon
    h.clock.set('2026-05-14T10:00:00Z');
    await h.restart();
    expect(titles()).toEqual(['Linux', 'Python']);
    expect(postsIn().at(-1)?.embeds?.[0]?.author?.name).toMatch(/^Lesson of the day · 2026-05-14/);
    await at('2026-05-14T10:01:00Z');
    expect(titles()).toEqual(['Linux', 'Python']);
  });

  it('moves the group one lesson per posted day, and /schedule jump moves it anywhere', async () => {
    await at('2026-05-11T07:00:00Z');
    await at('2026-05-12T07:00:00Z');
    await at('2026-05-13T07:00:00Z');
    expect(titles()).toEqual(['Linux', 'Python', 'Bash Scripting']);
    const jump = await schedule('jump', { lesson: 'feature-store' });
    expect(jump.callback.data?.content).toBe('The next lesson of the day will be “Feature Store” (MLOps2, lesson 18 of 18).');
    await at('2026-05-14T07:00:00Z');
    expect(titles().at(-1)).toBe('Feature Store');
  });

  it('ends the course with one finished post and pauses; resume starts a new round', async () => {
    await schedule('jump', { lesson: 'feature-store' });
    await at('2026-05-11T07:00:00Z');
    await at('2026-05-12T07:00:00Z');
    expect(postsIn().at(-1)?.content).toMatch(/^🎓 That was the last lesson/);
    await at('2026-05-13T07:00:00Z');
    expect(postsIn()).toHaveLength(2);
    const show = await schedule('show');
    expect(embedOf(show.callback.data).fields?.find((field) => field.name === 'Status')?.value).toBe('⏸️ Paused');
    await schedule('resume');
    await at('2026-05-14T07:00:00Z');
    expect(titles()).toEqual(['Feature Store', 'MLOps', 'Linux']); // the middle one is the course overview under the finished post
  });

  it('skips weekends on a weekdays schedule', async () => {
    await schedule('set', { days: 'weekdays' });
    for (const day of ['2026-05-15', '2026-05-16', '2026-05-17', '2026-05-18']) await at(`${day}T07:00:00Z`); // Fri to Mon
    expect(postsIn().map((message) => embedOf(message).author?.name.slice(20, 30))).toEqual(['2026-05-15', '2026-05-18']);
  });

  it('posts nothing while paused, and picks up on resume', async () => {
    expect((await schedule('pause')).callback.data?.content).toMatch(/^⏸️ Paused/);
    await at('2026-05-11T07:00:00Z');
    expect(postsIn()).toHaveLength(0);
    await schedule('resume');
    await at('2026-05-11T07:01:00Z');
    expect(titles()).toEqual(['Linux']);
  });

  it("posts now on request, counting as today's post", async () => {
    const reply = await schedule('post-now');
    expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((await reply.edited()).content).toMatch(/^Posted today’s lesson in <#\d+>/);
    await at('2026-05-11T07:00:00Z');
    expect(titles()).toEqual(['Linux']);
    const again = await schedule('post-now');
    expect((await again.edited()).content).toMatch(/^Today’s lesson was already posted/);
  });

  it('retries with back-off within the day when Discord fails with 5xx, showing the error meanwhile', async () => {
    // discord.js itself retries a 5xx three times; the fourth failure reaches the bot.
    h.discord.faults.failNext({ route: '/channels/:channel_id/messages', method: 'POST', times: 4, status: 503 });
    await at('2026-05-11T07:00:00Z');
    expect(postsIn()).toHaveLength(0);
    const lastError = async () => fieldsOf((await schedule('show')).callback.data)['Last error'];
    expect(await lastError()).toMatch(/: Discord answered 503\.$/);
    await at('2026-05-11T07:00:30Z');
    expect(postsIn()).toHaveLength(0);
    await at('2026-05-11T07:01:00Z');
    expect(titles()).toEqual(['Linux']);
    expect(await lastError()).toBe('None');
  });

  it('waits out a 429 and posts once', async () => {
    h.discord.faults.rateLimitNext({ route: '/channels/:channel_id/messages', method: 'POST', retryAfterSeconds: 1 });
    await at('2026-05-11T07:00:00Z');
    expect(titles()).toEqual(['Linux']);
  });

  it('shows the schedule, next post time, last post and next lesson', async () => {
    await at('2026-05-11T07:00:00Z');
    const show = await schedule('show');
    expect(show.ephemeral).toBe(true);
    const fields = fieldsOf(show.callback.data);
    expect(fields).toMatchObject({
      Channel: `<#${study.id}>`,
      When: '09:00 Europe/Berlin, every day',
      Status: '▶️ Active',
      'Next post': `<t:${Date.parse('2026-05-12T07:00:00Z') / 1000}:F> (<t:${Date.parse('2026-05-12T07:00:00Z') / 1000}:R>)`,
      'Next lesson': 'Python',
      'Last post': expect.stringMatching(new RegExp(`^2026-05-11: Linux \\(https://discord.com/channels/${guild.id}/${study.id}/\\d+\\)$`)),
      'Last error': 'None',
    });
  });
});

describe('when the bot cannot post', () => {
  beforeEach(async () => {
    await schedule('set', { channel: study, time: '09:00', timezone: 'UTC' });
  });
  const showFields = async () => fieldsOf((await schedule('show')).callback.data);
  const postAttempts = () =>
    h.discord.requests.filter((request) => request.route === 'POST /channels/:channel_id/messages' && request.path.includes(study.id)).length;

  it('records a missing permission, shows it in /schedule show, and does not retry every minute', async () => {
    guild.denyBotIn(study, PermissionFlagsBits.SendMessages);
    await at('2026-05-11T09:00:00Z');
    for (let minute = 1; minute <= 30; minute += 1) await at(`2026-05-11T09:${String(minute).padStart(2, '0')}:00Z`);
    expect(postAttempts()).toBe(1);
    const fields = await showFields();
    expect(fields['Last error']).toMatch(
      new RegExp(
        `: The bot may not post in <#${study.id}> \\(Discord 50013: Missing Permissions\\)\\. Give it View Channel, Send Messages and Embed Links there`,
      ),
    );
    expect(fields['Last post']).toBe('None yet');
    expect(h.logLines().some((line) => line.msg === 'lesson of the day not posted' && line.giveUp === true)).toBe(true);
  });

  it('records a deleted channel, and posts again the same day once an admin picks a new one', async () => {
    guild.deleteChannel(study);
    await at('2026-05-11T09:00:00Z');
    await at('2026-05-11T09:01:00Z');
    expect((await showFields())['Last error']).toMatch(
      new RegExp(`The study channel <#${study.id}> no longer exists \\(Discord 10003: Unknown Channel\\)`),
    );
    const lounge = guild.addTextChannel('lounge');
    await schedule('set', { channel: lounge });
    await at('2026-05-11T09:02:00Z');
    expect(h.discord.messagesIn(lounge).map((message) => embedOf(message)?.title)).toEqual(['Linux']);
    expect((await showFields())['Last error']).toBe('None');
  });

  it('refuses a channel the bot may not post in, saying what to fix, and saves nothing', async () => {
    const quiet = guild.addTextChannel('quiet');
    guild.denyBotIn(quiet, PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks);
    const reply = await schedule('set', { channel: quiet, time: '10:00' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe(
      `The bot may not post in <#${quiet.id}>: it lacks Send Messages, Embed Links there. Grant them, or pick another channel. Nothing was saved.`,
    );
    expect((await showFields()).When).toBe('09:00 UTC, every day');
  });
});

describe('/schedule is for admins', () => {
  it('is registered for Manage Server only, and refuses a member at run time, changing nothing', async () => {
    expect(h.discord.commands.list().find((command) => command.name === 'schedule')?.default_member_permissions).toBe('32');
    const reply = await schedule('set', { channel: study, time: '09:00' }, ada);
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/^Only members with the Manage Server permission/);
    expect((await schedule('show')).callback.data?.content).toMatch(/^No lesson of the day is set up here yet/);
  });
});

describe('/schedule set refuses bad input and saves nothing', () => {
  it.each([
    [{ time: '9am' }, /“9am” is not a time\. Use 24-hour HH:MM/],
    [{ time: '24:00' }, /“24:00” is not a time/],
    [{ timezone: 'Mars/Olympus' }, /“Mars\/Olympus” is not a time zone/],
  ])('%o', async (bad, message) => {
    const reply = await schedule('set', { channel: study, ...bad });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(message);
    expect((await schedule('show')).callback.data?.content).toMatch(/^No lesson of the day is set up here yet/);
  });

  it('asks for a channel when there is none yet', async () => {
    expect((await schedule('set', { time: '09:00' })).callback.data?.content).toMatch(/^Choose the study channel/);
  });

  it('offers time zones as the admin types', async () => {
    const choices = await h.discord.autocomplete({
      user: admin,
      guild,
      name: 'schedule',
      subcommand: 'set',
      focused: { name: 'timezone', value: 'new_y' },
    });
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
    const all = await h.discord.autocomplete({ user: admin, guild, name: 'schedule', subcommand: 'set', focused: { name: 'timezone', value: '' } });
    expect(all).toHaveLength(25);
  });
});
