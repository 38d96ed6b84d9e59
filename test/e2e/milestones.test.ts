import { PermissionFlagsBits as P } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { buttonsOf, embedOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let organiser: ReturnType<typeof guild.addMember>;
let graduate: ReturnType<typeof guild.addRole>;

const ADD_ROLE = 'PUT /guilds/:guild_id/members/:user_id/roles/:role_id';
const roleRequests = () => h.discord.requests.filter((request) => request.route === ADD_ROLE);
const partOne = () => h.course.parts[0]!;
const milestones = (subcommand: string, options: Record<string, unknown> = {}, user = organiser) =>
  h.discord.command({ user, guild, name: 'milestones', subcommand, options: options as never });

/** Changes a role as an organiser would, and waits until the bot's cache has heard of it. */
async function updateRole(role: typeof graduate, change: { position?: number; permissions?: bigint }) {
  const updated = guild.updateRole(role, change);
  await vi.waitFor(() => {
    const cached = h.bot.client.guilds.cache.get(guild.id)!.roles.cache.get(role.id)!;
    expect([cached.rawPosition, cached.permissions.bitfield]).toEqual([updated.position, updated.permissions]);
  });
  return updated;
}

/** Everything of part one done but its last lesson, which the learner then marks done with the lesson's button. */
async function finishPartOne(learner: typeof organiser) {
  for (const lesson of partOne().lessons.slice(0, -1)) await h.store.setCompletion(learner.id, lesson.id, new Date('2026-05-10T10:00:00Z'));
  const shown = await h.discord.command({ user: learner, guild, name: 'lesson', options: { lesson: partOne().lessons.at(-1)!.id } });
  return h.discord.clickButton({ user: learner, message: shown.message, customId: buttonsOf(shown.callback.data)[0]!.id });
}

beforeAll(async () => {
  h = await startHarness();
  guild = h.discord.addGuild({ name: 'Study Hall' });
  graduate = guild.addRole({ name: 'MLOps1 graduate' }); // above the bot's own role, as a new role is
  // The organiser may give roles, and ranks above every role the tests move about.
  const lead = guild.updateRole(guild.addRole({ name: 'Lead', permissions: P.ManageGuild | P.ManageRoles }), { position: 100 });
  organiser = guild.addMember({ username: 'organiser', roles: [lead] });
  await h.launch();
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

describe('milestone roles, when set', () => {
  it('are refused, ephemerally and saving nothing, to members without Manage Server', async () => {
    const member = guild.addMember({ username: 'member' });
    const attempts = { set: { part: partOne().id, role: graduate }, show: {}, clear: { part: partOne().id } };
    for (const [subcommand, options] of Object.entries(attempts)) {
      const reply = await milestones(subcommand, options, member);
      expect(reply.ephemeral).toBe(true);
      expect(reply.callback.data?.content).toBe('Only members with the Manage Server permission can set milestone roles. Nothing was changed.');
    }
    expect(await h.store.milestones.roles(guild.id, [partOne().id])).toEqual({});
  });

  it('say what to change when the bot lacks Manage Roles', async () => {
    const reply = await milestones('set', { part: partOne().id, role: graduate });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe(
      `The bot lacks the Manage Roles permission, which giving roles needs. In Server Settings → Roles, open the bot’s role <@&${guild.botRole.id}> and turn on Manage Roles (or invite the bot again with the README’s link, which asks for it), then run this again. Nothing was saved.`,
    );
    expect(await h.store.milestones.roles(guild.id, [partOne().id])).toEqual({});
  });

  it('say what to change when the role is above the bot’s highest role', async () => {
    await updateRole(guild.botRole, { permissions: guild.botRole.permissions | P.ManageRoles });
    const reply = await milestones('set', { part: partOne().id, role: graduate });
    expect(reply.callback.data?.content).toBe(
      `The bot’s highest role, <@&${guild.botRole.id}>, is not above <@&${graduate.id}>, and Discord lets a bot give only roles below its own. In Server Settings → Roles, drag <@&${guild.botRole.id}> above <@&${graduate.id}>, then run this again. Nothing was saved.`,
    );
    expect(await h.store.milestones.roles(guild.id, [partOne().id])).toEqual({});
  });

  it('are refused to an organiser who could not give the role themselves, so nobody hands out a role above their own', async () => {
    const moderator = guild.addMember({ username: 'moderator', manageGuild: true }); // Manage Server, but not Manage Roles
    await updateRole(guild.botRole, { position: graduate.position + 1 });
    const reply = await milestones('set', { part: partOne().id, role: graduate }, moderator);
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toBe(
      `Only someone who could give <@&${graduate.id}> themselves can make it a milestone role: you need the Manage Roles permission and a role above <@&${graduate.id}>. Ask a server admin. Nothing was saved.`,
    );
    expect(await h.store.milestones.roles(guild.id, [partOne().id])).toEqual({});
    await updateRole(guild.botRole, { position: 1 });
  });

  it('refuse @everyone, a role managed by an integration, and a part the course does not have', async () => {
    expect((await milestones('set', { part: partOne().id, role: guild.everyoneRole })).callback.data?.content).toMatch(
      /^@everyone cannot be a milestone role/,
    );
    expect((await milestones('set', { part: partOne().id, role: guild.botRole })).callback.data?.content).toMatch(/belongs to an integration/);
    expect((await milestones('set', { part: 'no-such-part', role: graduate })).callback.data?.content).toBe(
      '“no-such-part” is not a part of this course. Pick a part, or the whole course, from the list. Nothing was saved.',
    );
  });

  it('are saved once the bot may give the role, and /milestones show lists each part', async () => {
    await updateRole(guild.botRole, { position: graduate.position + 1 });
    const reply = await milestones('set', { part: partOne().id, role: graduate });
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(new RegExp(`^🏅 Saved: learners who finish ${partOne().title} get <@&${graduate.id}>\\.`));
    expect(reply.callback.data?.content).toMatch(/Undoing a lesson later does not take the role away\.$/);
    const lines = embedOf((await milestones('show')).callback.data).description!.split('\n');
    expect(lines[0]).toBe(`**${partOne().title}**: <@&${graduate.id}>`);
    expect(lines.at(-1)).toBe(`**the whole course (${h.course.title})**: no role`);
  });
});

describe('milestone roles, when learners finish', () => {
  it('are given to the learner who finishes the part, once, and kept when a lesson is undone', async () => {
    const ada = guild.addMember({ username: 'ada' });
    const click = await finishPartOne(ada);
    expect(await click.followedUp()).toMatchObject([{ content: `🏅 Well done! You now have <@&${graduate.id}> for finishing ${partOne().title}.` }]);
    expect(guild.member(ada.id)!.roleIds).toContain(graduate.id);
    expect(roleRequests()).toHaveLength(1);

    const undo = await h.discord.clickButton({ user: ada, message: click.message, customId: buttonsOf(click.callback.data)[0]!.id });
    expect(buttonsOf(undo.callback.data)[0]!.label).toBe('Mark done');
    const redo = await h.discord.clickButton({ user: ada, message: undo.message, customId: buttonsOf(undo.callback.data)[0]!.id });
    expect(buttonsOf(redo.callback.data)[0]!.label).toBe('Mark not done');
    expect(guild.member(ada.id)!.roleIds).toContain(graduate.id);
    expect(roleRequests()).toHaveLength(1); // given once, not again
  });

  it('are given on /progress in the server to a learner who finished elsewhere, such as in a DM', async () => {
    const bo = guild.addMember({ username: 'bo' });
    for (const lesson of partOne().lessons) await h.store.setCompletion(bo.id, lesson.id, new Date('2026-05-10T10:00:00Z'));
    const progress = await h.discord.command({ user: bo, guild, name: 'progress' });
    expect(await progress.followedUp()).toMatchObject([
      { content: `🏅 Well done! You now have <@&${graduate.id}> for finishing ${partOne().title}.` },
    ]);
    expect(guild.member(bo.id)!.roleIds).toContain(graduate.id);
  });

  it('are given to a member an organiser marks through the part with /admin progress', async () => {
    const cy = guild.addMember({ username: 'cy' });
    for (const lesson of partOne().lessons.slice(0, -1)) await h.store.setCompletion(cy.id, lesson.id, new Date('2026-05-10T10:00:00Z'));
    const options = { member: cy, lesson: partOne().lessons.at(-1)!.id, state: 'done', reason: 'did it on paper' };
    const corrected = await h.discord.command({ user: organiser, guild, name: 'admin', subcommand: 'progress', options: options as never });
    expect(await corrected.followedUp()).toMatchObject([{ content: `🏅 <@${cy.id}> now has <@&${graduate.id}> for finishing ${partOne().title}.` }]);
    expect(guild.member(cy.id)!.roleIds).toContain(graduate.id);
  });

  it('that Discord refuses later are logged and shown, and not tried again until the milestone is set again', async () => {
    graduate = await updateRole(graduate, { position: guild.botRole.position + 1 }); // an organiser moved the role above the bot's
    const dee = guild.addMember({ username: 'dee' });
    const click = await finishPartOne(dee);
    await vi.waitFor(() => expect(roleRequests().at(-1)).toMatchObject({ status: 403 }));
    expect(click.followUps).toEqual([]);
    expect(guild.member(dee.id)!.roleIds).not.toContain(graduate.id);
    expect(h.logLines().some((line) => line.msg === 'could not give a milestone role' && line.userId === dee.id)).toBe(true);
    const shown = embedOf((await milestones('show')).callback.data).description!;
    expect(shown).toMatch(new RegExp(`⚠️ Not given to <@${dee.id}> <t:\\d+:R>, and not tried since: Discord refused \\(Missing Permissions\\)`));

    const refused = roleRequests().length;
    await h.discord.command({ user: dee, guild, name: 'progress' });
    expect(roleRequests()).toHaveLength(refused); // not retried

    await updateRole(guild.botRole, { position: graduate.position + 1 });
    expect((await milestones('set', { part: partOne().id, role: graduate })).callback.data?.content).toMatch(/^🏅 Saved/);
    expect(embedOf((await milestones('show')).callback.data).description).not.toMatch(/⚠️/);
    const progress = await h.discord.command({ user: dee, guild, name: 'progress' });
    await progress.followedUp();
    expect(guild.member(dee.id)!.roleIds).toContain(graduate.id);
  });

  it('stop being given once cleared; nobody loses the role', async () => {
    const cleared = await milestones('clear', { part: partOne().id });
    expect(cleared.callback.data?.content).toBe(`Cleared: finishing ${partOne().title} gives no role now. Those who have the role keep it.`);
    const eve = guild.addMember({ username: 'eve' });
    const before = roleRequests().length;
    await finishPartOne(eve);
    expect(roleRequests()).toHaveLength(before);
    expect(embedOf((await milestones('show')).callback.data).description!.split('\n')[0]).toBe(`**${partOne().title}**: no role`);
  });
});
