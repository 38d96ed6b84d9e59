import { PermissionFlagsBits, type ChatInputCommandInteraction, type Role } from 'discord.js';
import { UserError } from '../../src/ui/user-error.ts';

/**
 * Before a milestone is saved: the role must be one the bot can give. Discord lets a bot give a role
 * only with Manage Roles and only below its own highest role; each problem says exactly what to change.
 */
export function milestoneRoleToSave(interaction: ChatInputCommandInteraction & { guildId: string }): Role {
  const chosen = interaction.options.getRole('role', true);
  const guild = interaction.guild;
  const role = guild?.roles.cache.get(chosen.id);
  const me = guild?.members.me;
  if (!guild || !role || !me) throw new UserError('The bot cannot see this server’s roles right now. Try again in a minute. Nothing was saved.');
  if (role.id === guild.id)
    throw new UserError(
      '@everyone cannot be a milestone role: everyone has it already. Pick or create a role such as “MLOps1 graduate”. Nothing was saved.',
    );
  if (role.managed)
    throw new UserError(
      `<@&${role.id}> belongs to an integration (a bot’s own role, or a booster or subscription role), and Discord lets no bot give it. Pick or create another role. Nothing was saved.`,
    );
  const highest = me.roles.highest;
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles))
    throw new UserError(
      `The bot lacks the Manage Roles permission, which giving roles needs. In Server Settings → Roles, open the bot’s role <@&${highest.id}> and turn on Manage Roles (or invite the bot again with the README’s link, which asks for it), then run this again. Nothing was saved.`,
    );
  if (highest.comparePositionTo(role) <= 0)
    throw new UserError(
      `The bot’s highest role, <@&${highest.id}>, is not above <@&${role.id}>, and Discord lets a bot give only roles below its own. In Server Settings → Roles, drag <@&${highest.id}> above <@&${role.id}>, then run this again. Nothing was saved.`,
    );
  // Otherwise an organiser could have the bot hand out a role they could not give themselves (even to themselves).
  const organiser = interaction.inCachedGuild() ? interaction.member : undefined;
  const mayGiveIt =
    guild.ownerId === interaction.user.id ||
    (organiser !== undefined && organiser.permissions.has(PermissionFlagsBits.ManageRoles) && organiser.roles.highest.comparePositionTo(role) > 0);
  if (!mayGiveIt)
    throw new UserError(
      `Only someone who could give <@&${role.id}> themselves can make it a milestone role: you need the Manage Roles permission and a role above <@&${role.id}>. Ask a server admin. Nothing was saved.`,
    );
  return role;
}
