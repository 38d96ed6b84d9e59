import { DiscordAPIError, Routes, type Interaction } from 'discord.js';
import type { Completions } from '../progress/completions.ts';
import { reachedMilestones, type Milestone } from '../progress/milestones.ts';
import type { HandlerContext } from './handler.ts';

export interface GivenRole {
  milestone: Milestone;
  roleId: string;
}

/** Missing access or permissions, or a role that is gone: Discord will answer the same until an organiser changes something. */
const lastingRefusals = new Set([50001, 50013, 10011]);
const isLastingRefusal = (error: unknown) => error instanceof DiscordAPIError && (lastingRefusals.has(Number(error.code)) || error.status === 403);

/** What an organiser reads in /milestones show when the bot could not give a role, and what to do. */
export function describeRoleFailure(error: unknown, roleId: string): string {
  const code = error instanceof DiscordAPIError ? Number(error.code) : undefined;
  if (code === 10011) return `The role <@&${roleId}> no longer exists. Pick another with /milestones set.`;
  if (code === 50013 || (error instanceof DiscordAPIError && error.status === 403))
    return `Discord refused (Missing Permissions): the bot needs Manage Roles, and its highest role must be above <@&${roleId}>. Fix that in Server Settings → Roles, then run /milestones set again.`;
  if (error instanceof DiscordAPIError) return `Discord answered ${error.status} (${code}: ${error.message}).`;
  return `Discord could not be reached (${(error as Error).message}).`;
}

/**
 * Gives the learner, in the interaction's server, the role of every milestone they have reached and
 * not yet been given, by REST (no privileged intent). Each is claimed in the store first, so it is
 * sent once. A refusal is recorded for /milestones show and that milestone is not tried again until
 * it is set again; never retried in a loop. Lessons undone later take no role away.
 */
export async function giveMilestoneRoles(
  interaction: Interaction,
  context: HandlerContext,
  userId: string,
  completions: Completions,
): Promise<GivenRole[]> {
  const { guildId } = interaction;
  const reached = guildId ? reachedMilestones(context.course, completions) : [];
  if (!guildId || reached.length === 0) return [];
  const { store, clock, log } = context;
  const roles = await store.milestones.roles(
    guildId,
    reached.map(({ id }) => id),
  );
  const withRoles = reached.flatMap((milestone) => (roles[milestone.id] ? [{ milestone, roleId: roles[milestone.id]! }] : []));
  if (withRoles.length === 0) return [];
  const ids = withRoles.map(({ milestone }) => milestone.id);
  const [given, failures] = await Promise.all([
    store.milestones.givenTo(
      guildId,
      userId,
      withRoles.map(({ milestone, roleId }) => ({ milestone: milestone.id, roleId })),
    ),
    store.milestones.failures(guildId, ids),
  ]);
  // A failure recorded for another role (set since) does not hold this one back.
  const due = withRoles.filter(({ roleId }, i) => !given[i] && failures[i]?.roleId !== roleId);
  const outcomes = await Promise.all(
    due.map(async ({ milestone, roleId }): Promise<GivenRole[]> => {
      if (!(await store.milestones.claimGiven(guildId, userId, milestone.id, roleId, clock.now()))) return [];
      try {
        await interaction.client.rest.put(Routes.guildMemberRole(guildId, userId, roleId), { reason: `Finished ${milestone.title}` });
        log.info({ guildId, userId, milestone: milestone.id, roleId }, 'gave a milestone role');
        return [{ milestone, roleId }];
      } catch (error) {
        await store.milestones.releaseGiven(guildId, userId, milestone.id, roleId);
        // Only a refusal that will repeat holds the milestone back; a passing error (5xx, a timeout) leaves it to the learner's next lesson.
        if (isLastingRefusal(error))
          await store.milestones.recordFailure(guildId, milestone.id, {
            at: clock.now().getTime(),
            roleId,
            userId,
            message: describeRoleFailure(error, roleId),
          });
        log.warn({ guildId, userId, milestone: milestone.id, roleId, err: error }, 'could not give a milestone role');
        return [];
      }
    }),
  );
  return outcomes.flat();
}

/** What the learner (or the organiser who corrected them) is told, privately, once roles were given. */
export function givenRolesNotice(given: readonly GivenRole[], learner: 'you' | { userId: string }): string {
  const roles = given.map(({ milestone, roleId }) => `<@&${roleId}> for finishing ${milestone.title}`).join(', ');
  return learner === 'you' ? `🏅 Well done! You now have ${roles}.` : `🏅 <@${learner.userId}> now has ${roles}.`;
}
