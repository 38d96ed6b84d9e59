import { PermissionFlagsBits as P, Routes } from 'discord.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';

const ADD_ROLE = 'PUT /guilds/:guild_id/members/:user_id/roles/:role_id';

describe('giving a member a role, with the checks Discord makes', () => {
  let fixture: BotFixture;
  afterEach(() => fixture.finish());
  const give = (userId: string, roleId: string) => fixture.client.rest.put(Routes.guildMemberRole(fixture.guild.id, userId, roleId));

  test('without Manage Roles the bot is refused 403 Missing Permissions, and the member keeps their roles', async () => {
    fixture = await startBotFixture();
    const { guild, ada, discord } = fixture;
    const graduate = guild.addRole({ name: 'Graduate' });
    await expect(give(ada.id, graduate.id)).rejects.toMatchObject({ status: 403, code: 50013 });
    expect(guild.member(ada.id)!.roleIds).not.toContain(graduate.id);
    expect(discord.requests.at(-1)).toMatchObject({
      route: ADD_ROLE,
      status: 403,
      error: { reason: 'the bot lacks ManageRoles in the guild to give a role' },
    });
  });

  test('with Manage Roles, a role above the bot’s highest is refused, one below it is given (204)', async () => {
    fixture = await startBotFixture({ botPermissions: P.ViewChannel | P.SendMessages | P.ManageRoles });
    const { guild, ada, discord } = fixture;
    const above = guild.addRole({ name: 'Above' }); // added after the bot's role: higher in the list
    await expect(give(ada.id, above.id)).rejects.toMatchObject({ status: 403, code: 50013 });
    expect(discord.requests.at(-1)?.error?.reason).toBe(`role ${above.id} is not below the bot's highest role`);
    const botRole = guild.updateRole(guild.botRole, { position: above.position + 1 });
    await vi.waitFor(() => expect(fixture.client.guilds.cache.get(guild.id)!.roles.cache.get(botRole.id)!.rawPosition).toBe(botRole.position));
    await give(ada.id, above.id);
    expect(guild.member(ada.id)!.roleIds).toContain(above.id);
    expect(discord.requests.at(-1)).toMatchObject({ route: ADD_ROLE, status: 204 });
  });

  test('an unknown role is 404 Unknown Role, a managed role and @everyone are refused, an unknown member is 404 Unknown Member', async () => {
    fixture = await startBotFixture({ botPermissions: P.ViewChannel | P.ManageRoles });
    const { guild, ada } = fixture;
    await expect(give(ada.id, '1'.repeat(18))).rejects.toMatchObject({ status: 404, code: 10011 });
    await expect(give(ada.id, guild.id)).rejects.toMatchObject({ status: 404, code: 10011 });
    await expect(give(ada.id, guild.botRole.id)).rejects.toMatchObject({ status: 403, code: 50013 });
    const role = guild.addRole({ name: 'Graduate' });
    guild.updateRole(guild.botRole, { position: role.position + 1 });
    await expect(give('2'.repeat(18), role.id)).rejects.toMatchObject({ status: 404, code: 10007 });
  });
});
