import type { Log } from '../util/log.ts';
import { claimKey, replaceIf } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { learnerSettingsValue, type LearnerSettings } from './values.ts';

/** Learners' own settings, one value per learner. */
export interface LearnerStore {
  /** The settings of each of `userIds` (empty settings for a learner who set none), in one round trip. */
  getSettings(userIds: readonly string[]): Promise<LearnerSettings[]>;
  /** Applies `change` to the learner's current settings and stores the result; a concurrent change is re-read and applied again, never lost. */
  updateSettings(userId: string, change: (current: LearnerSettings) => LearnerSettings): Promise<LearnerSettings>;
}

export function createLearnerStore(backend: StoreBackend, log: Log): LearnerStore {
  const read = async (userIds: readonly string[]) => readValidMany(backend, learnerSettingsValue, userIds.map(storeKeys.learnerSettings), log);
  return {
    getSettings: async (userIds) => (await read(userIds)).map((settings) => settings ?? {}),
    async updateSettings(userId, change) {
      const key = storeKeys.learnerSettings(userId);
      for (let tries = 0; tries < 10; tries += 1) {
        const [current] = await read([userId]);
        const next = learnerSettingsValue.parse(change(current ?? {}));
        if (current ? await replaceIf(backend, key, learnerSettingsValue, current, next) : await claimKey(backend, key, next)) return next;
        // Absent to a read, yet the claim failed twice: what is stored is unreadable (logged by the read), so the change replaces it.
        if (!current && tries > 0 && (await read([userId]))[0] === undefined) {
          await backend.write(key, next);
          return next;
        }
      }
      throw new Error(`learner settings of ${userId} not saved: too many concurrent changes`);
    },
  };
}
