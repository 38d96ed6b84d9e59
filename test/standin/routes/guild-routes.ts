import type { RestRoute } from '../http/rest-server.ts';
import { type DiscordHttpError, discordErrors, discordRefusals } from '../http/discord-errors.ts';
import type { RoleRefusal } from '../world/guild.ts';
import { type RouteContext, failWith } from './route-context.ts';

const refusalOf = (refusal: RoleRefusal, ids: { userId: string; roleId: string }): DiscordHttpError => {
  switch (refusal) {
    case 'unknown-member':
      return discordRefusals.unknownMember(ids.userId);
    case 'unknown-role':
      return discordRefusals.unknownRole(ids.roleId);
    case 'missing-permissions':
      return discordRefusals.missingPermissions('the bot lacks ManageRoles in the guild to give a role');
    case 'above-the-bot':
      return discordRefusals.missingPermissions(`role ${ids.roleId} is not below the bot's highest role`);
    case 'managed':
      return discordRefusals.missingPermissions(`role ${ids.roleId} is managed by an integration`);
  }
};

/** Guild members' roles: `PUT /guilds/{guild}/members/{user}/roles/{role}`, with Discord's permission and hierarchy checks. */
export function guildRoutes({ world }: RouteContext): RestRoute[] {
  return [
    {
      method: 'PUT',
      pattern: '/guilds/:guild_id/members/:user_id/roles/:role_id',
      auth: true,
      handle: ({ params }) => {
        const guild = world.guilds.get(params.guild_id!) ?? failWith(discordErrors.unknownGuild(params.guild_id!));
        const ids = { userId: params.user_id!, roleId: params.role_id! };
        const refusal = guild.roleRefusal(world.bot.id, ids.userId, ids.roleId);
        if (refusal) throw refusalOf(refusal, ids);
        guild.addRoleTo(ids.userId, ids.roleId);
        return { status: 204 };
      },
    },
  ];
}
