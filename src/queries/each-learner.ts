import pLimit from 'p-limit';
import type { StudyStore } from '../store/study-store.ts';
import type { LearnerSettings } from '../store/values.ts';

/** How many learners' reads are in flight at once: enough to keep the store busy, few enough to keep memory flat for 10,000 learners. */
const inFlight = 32;

/** `read` for every learner on the server's roster (those off the leaderboard too), with their settings, a bounded number at a time, in roster order. */
export async function forEachLearner<T>(
  store: StudyStore,
  guildId: string,
  read: (userId: string, settings: LearnerSettings) => Promise<T>,
): Promise<T[]> {
  const roster = await store.listLearners(guildId);
  const settings = await store.learners.getSettings(roster);
  const limit = pLimit(inFlight);
  return Promise.all(roster.map((userId, i) => limit(() => read(userId, settings[i]!))));
}
