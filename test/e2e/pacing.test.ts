import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let study: ReturnType<typeof guild.addTextChannel>;
let admin: ReturnType<typeof guild.addMember>;
let ahead: ReturnType<typeof guild.addMember>;
let onPace: ReturnType<typeof guild.addMember>;
let behind: ReturnType<typeof guild.addMember>;

/** Moves the clock and runs the minute tick, as node-cron would. */
async function at(iso: string) {
  h.clock.set(iso);
  await h.bot.poster.tick();
}

async function complete(member: typeof admin, count: number) {
  for (const lesson of h.course.lessons.slice(0, count)) await h.store.setCompletion(member.id, lesson.id, new Date('2026-05-13T07:30:00Z'));
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-11T06:00:00Z' }); // a Monday
  guild = h.discord.addGuild({ name: 'Study Hall' });
  study = guild.addTextChannel('study');
  admin = guild.addMember({ username: 'root', manageGuild: true });
  ahead = guild.addMember({ username: 'ahead' });
  onPace = guild.addMember({ username: 'onpace' });
  behind = guild.addMember({ username: 'behind' });
  await h.launch();
  await h.discord.command({
    user: admin,
    guild,
    name: 'schedule',
    subcommand: 'set',
    options: { channel: study, time: '09:00', timezone: 'Europe/Berlin' },
  });
  // Lessons 1, 2 and 3 are posted on Monday to Wednesday; it is Wednesday after the post.
  for (const day of ['2026-05-11', '2026-05-12', '2026-05-13']) await at(`${day}T07:00:00Z`);
  h.clock.set('2026-05-13T08:00:00Z');
  await complete(ahead, 5);
  await complete(onPace, 2);
  await complete(behind, 0);
  for (const member of [ahead, onPace, behind])
    await h.discord.command({ user: member, guild, name: 'lesson', options: { lesson: h.course.lessons[0]!.id } });
  await h.store.setCompletion(behind.id, h.course.lessons[0]!.id, new Date('2026-05-13T07:30:00Z'));
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

describe('pacing against the group', () => {
  it("labels each learner in /group against the lesson of the day: today's lesson is not yet due, lessons beyond it are ahead", async () => {
    const reply = await h.discord.command({ user: admin, guild, name: 'group' });
    const lines = embedOf(await reply.edited()).description!.split('\n');
    expect(lines.find((line) => line.includes(`<@${ahead.id}>`))).toMatch(/ · 2 ahead$/);
    expect(lines.find((line) => line.includes(`<@${onPace.id}>`))).toMatch(/ · on pace$/);
    expect(lines.find((line) => line.includes(`<@${behind.id}>`))).toMatch(/ · 1 behind$/);
  });

  it("shows a learner's own pace on /progress in the server, and none in a DM", async () => {
    const inServer = await h.discord.command({ user: behind, guild, name: 'progress' });
    expect(fieldsOf(inServer.callback.data).Pace).toBe('1 lesson behind the group');
    expect(fieldsOf((await h.discord.command({ user: ahead, guild, name: 'progress' })).callback.data).Pace).toBe('2 lessons ahead of the group');
    expect(fieldsOf((await h.discord.command({ user: onPace, guild, name: 'progress' })).callback.data).Pace).toBe('On pace with the group');
    const inDm = await h.discord.command({ user: behind.user, name: 'progress' });
    expect(fieldsOf(inDm.callback.data).Pace).toBeUndefined();
  });

  it('shows no pace in a server without a lesson of the day', async () => {
    const quiet = h.discord.addGuild({ name: 'Quiet Hall' });
    const learner = quiet.addMember({ username: 'quiet' });
    await h.discord.command({ user: learner, guild: quiet, name: 'lesson' });
    const board = embedOf(await (await h.discord.command({ user: learner, guild: quiet, name: 'group' })).edited());
    expect(board.description).not.toMatch(/on pace|behind|ahead/);
    expect(fieldsOf((await h.discord.command({ user: learner, guild: quiet, name: 'progress' })).callback.data).Pace).toBeUndefined();
  });
});
