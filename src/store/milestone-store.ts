import type { Log } from '../util/log.ts';
import { claimKey } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { milestoneFailureValue, milestoneGivenValue, milestoneRoleValue, type MilestoneFailure, type MilestoneRoles } from './milestone-values.ts';

/** Servers' milestone roles, the failures to give them, and which learner has been given which. */
export interface MilestoneStore {
  /** The server's role for each of `milestones` that has one, in one round trip. */
  roles(guildId: string, milestones: readonly string[]): Promise<MilestoneRoles>;
  /** Sets (a role id) or clears (undefined) one milestone's role; either way its recorded failure goes. */
  setRole(guildId: string, milestone: string, roleId: string | undefined): Promise<void>;
  failures(guildId: string, milestones: readonly string[]): Promise<(MilestoneFailure | undefined)[]>;
  recordFailure(guildId: string, milestone: string, failure: MilestoneFailure): Promise<void>;
  /** Whether the learner has been given (or is being given) each of these milestone roles in the server. */
  givenTo(guildId: string, userId: string, roles: readonly { milestone: string; roleId: string }[]): Promise<boolean[]>;
  /** Claims the giving of a milestone's role to a learner; true for the one caller that should send the request. */
  claimGiven(guildId: string, userId: string, milestone: string, roleId: string, at: Date): Promise<boolean>;
  /** Forgets a claim whose request failed, so the learner's next lesson in the server tries again. */
  releaseGiven(guildId: string, userId: string, milestone: string, roleId: string): Promise<void>;
}

export function createMilestoneStore(backend: StoreBackend, log: Log): MilestoneStore {
  return {
    async roles(guildId, milestones) {
      const keys = milestones.map((milestone) => storeKeys.milestoneRole(guildId, milestone));
      const roles = await readValidMany(backend, milestoneRoleValue, keys, log);
      return Object.fromEntries(milestones.flatMap((milestone, i) => (roles[i] ? [[milestone, roles[i].roleId]] : [])));
    },
    async setRole(guildId, milestone, roleId) {
      if (roleId) await backend.write(storeKeys.milestoneRole(guildId, milestone), { roleId });
      else await backend.remove([storeKeys.milestoneRole(guildId, milestone)]);
      await backend.remove([storeKeys.milestoneFailure(guildId, milestone)]);
    },
    failures: (guildId, milestones) =>
      readValidMany(
        backend,
        milestoneFailureValue,
        milestones.map((milestone) => storeKeys.milestoneFailure(guildId, milestone)),
        log,
      ),
    recordFailure: (guildId, milestone, failure) => backend.write(storeKeys.milestoneFailure(guildId, milestone), failure),
    async givenTo(guildId, userId, roles) {
      const keys = roles.map(({ milestone, roleId }) => storeKeys.milestoneGiven(guildId, userId, milestone, roleId));
      return (await readValidMany(backend, milestoneGivenValue, keys, log)).map((given) => given !== undefined);
    },
    claimGiven: (guildId, userId, milestone, roleId, at) =>
      claimKey(backend, storeKeys.milestoneGiven(guildId, userId, milestone, roleId), { at: at.getTime(), roleId }),
    releaseGiven: (guildId, userId, milestone, roleId) => backend.remove([storeKeys.milestoneGiven(guildId, userId, milestone, roleId)]),
  };
}
