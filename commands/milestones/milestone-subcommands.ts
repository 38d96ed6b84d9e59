import { time, TimestampStyles, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { milestoneById, milestonesOf, type Milestone } from '../../src/progress/milestones.ts';
import { reply } from '../../src/ui/reply.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { truncate } from '../../src/util/truncate.ts';
import { milestoneRoleToSave } from './check-role.ts';

type GuildCommand = ChatInputCommandInteraction & { guildId: string };

const keepsRoles = 'Undoing a lesson later does not take the role away.';

function chosenMilestone(interaction: GuildCommand, { course }: HandlerContext): Milestone {
  const id = interaction.options.getString('part', true);
  const milestone = milestoneById(course, id);
  if (!milestone)
    throw new UserError(`“${id.slice(0, 60)}” is not a part of this course. Pick a part, or the whole course, from the list. Nothing was saved.`);
  return milestone;
}

export async function setMilestone(interaction: GuildCommand, context: HandlerContext): Promise<void> {
  const milestone = chosenMilestone(interaction, context);
  const role = milestoneRoleToSave(interaction);
  await context.store.milestones.setRole(interaction.guildId, milestone.id, role.id);
  const content = `🏅 Saved: learners who finish ${milestone.title} get <@&${role.id}>. Those who finished it already get it the next time they mark a lesson or open /progress here. ${keepsRoles}`;
  await reply(interaction, { content }, { ephemeral: true });
}

export async function clearMilestone(interaction: GuildCommand, context: HandlerContext): Promise<void> {
  const milestone = chosenMilestone(interaction, context);
  await context.store.milestones.setRole(interaction.guildId, milestone.id, undefined);
  await reply(
    interaction,
    { content: `Cleared: finishing ${milestone.title} gives no role now. Those who have the role keep it.` },
    { ephemeral: true },
  );
}

/** Every milestone with its role, and the last failure to give it (the bot stops trying until it is set again). */
export async function showMilestones(interaction: GuildCommand, { course, store }: HandlerContext): Promise<void> {
  const milestones = milestonesOf(course);
  const ids = milestones.map(({ id }) => id);
  const [roles, failures] = await Promise.all([
    store.milestones.roles(interaction.guildId, ids),
    store.milestones.failures(interaction.guildId, ids),
  ]);
  const lines = milestones.map((milestone, i) => {
    const roleId = roles[milestone.id];
    const failure = failures[i];
    const role = roleId
      ? `<@&${roleId}>${interaction.guild && !interaction.guild.roles.cache.has(roleId) ? ' (deleted: set another)' : ''}`
      : 'no role';
    const failed = failure
      ? `\n⚠️ Not given to <@${failure.userId}> ${time(new Date(failure.at), TimestampStyles.RelativeTime)}, and not tried since: ${failure.message}`
      : '';
    return `**${truncate(milestone.title, 120)}**: ${role}${failed}`;
  });
  const embed: APIEmbed = {
    title: 'Milestone roles',
    description: truncate(lines.join('\n'), 4096),
    footer: { text: `Given when a learner finishes the part (/milestones set part: role:). ${keepsRoles}` },
  };
  await reply(interaction, { embeds: [embed] }, { ephemeral: true });
}
