import type { Clock } from '../clock.ts';
import type { StudyStore } from '../store/study-store.ts';

/** Adds the learner to the server's roster (or refreshes when they were last seen). */
export async function recordLearner(store: StudyStore, clock: Clock, guildId: string, userId: string): Promise<void> {
  await store.touchLearner(guildId, userId, clock.now());
}

/** The ids of the learners who have used the bot in the server. */
export async function listRoster(store: StudyStore, guildId: string): Promise<string[]> {
  return store.listLearners(guildId);
}
