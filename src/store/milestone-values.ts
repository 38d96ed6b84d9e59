import * as z from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/);

/** The milestone of the whole course, beside the parts' ids (which are slugs, so never this). */
export const wholeCourse = '@course';

/** The role a learner gets in a server on finishing one milestone (a part, or the whole course). */
export const milestoneRoleValue = z.object({ roleId: snowflake });
/** A server's milestone roles by milestone (part id or `@course`). */
export type MilestoneRoles = Record<string, string>;

/** Why the bot could not give a milestone's role; it stops trying until an organiser sets the milestone again. */
export const milestoneFailureValue = z.object({
  at: z.number().int().nonnegative(),
  roleId: snowflake,
  userId: snowflake,
  message: z.string().max(500),
});
export type MilestoneFailure = z.infer<typeof milestoneFailureValue>;

/** That the bot gave (or is giving) a learner a milestone's role in a server: claimed before the request, so it is sent once. */
export const milestoneGivenValue = z.object({ at: z.number().int().nonnegative(), roleId: snowflake });
