import type { Log } from '../util/log.ts';
import { storeKeys } from './keys.ts';
import { openBackend } from './open-backend.ts';
import { readValidUnder } from './read-valid.ts';
import { createAuditStore, type AuditStore } from './audit-store.ts';
import { createLearnerStore, type LearnerStore } from './learner-store.ts';
import { createReminderStore, type ReminderStore } from './reminder-store.ts';
import { createMilestoneStore, type MilestoneStore } from './milestone-store.ts';
import { createRecapStore, type RecapStore } from './recap-store.ts';
import { createQuizStore, type QuizStore } from './quiz-store.ts';
import { createRestBudgetStore, type RestBudgetStore } from './rest-budget-store.ts';
import { createScheduleStore, type ScheduleStore } from './schedule-store.ts';
import { ensureSchemaVersion } from './schema-version.ts';
import type { StoreBackend } from './store-backend.ts';
import { completionValue } from './values.ts';

export interface StudyStore {
  /** The completion time of each of `lessonIds` the learner has done. */
  getCompletions(userId: string, lessonIds: readonly string[]): Promise<Map<string, Date>>;
  setCompletion(userId: string, lessonId: string, at: Date): Promise<void>;
  deleteCompletions(userId: string, lessonIds: readonly string[]): Promise<void>;
  /** Records that the learner used the bot in the server (the roster for group views). */
  touchLearner(guildId: string, userId: string, at: Date): Promise<void>;
  listLearners(guildId: string): Promise<string[]>;
  /** Lesson-of-the-day schedules, pointers and daily post records. */
  schedules: ScheduleStore;
  /** Milestone roles: which role each part (or the course) earns in a server, failures to give them, and who was given which. */
  milestones: MilestoneStore;
  /** Weekly recaps: when each server's is posted, and each week's claim. */
  recaps: RecapStore;
  /** Quiz answers: review schedules and best scores. */
  quiz: QuizStore;
  /** Learners' own settings: time zone, leaderboard, reminders. */
  learners: LearnerStore;
  /** Which reminders are due when, their claims, and the learners' DM channels. */
  reminders: ReminderStore;
  /** The bot's one REST budget: its shared send slots and its count of refused requests. */
  restBudget: RestBudgetStore;
  /** Organisers' corrections of progress: the audit log and each learner's latest adjustment. */
  audit: AuditStore;
  /** Releases the store's connections so the process can exit; closing again does nothing more. */
  close(): Promise<void>;
}

function createStudyStore(backend: StoreBackend, log: Log): StudyStore {
  let closed: Promise<void> | undefined;
  backend.onError((error) => log.error({ err: error }, 'store error'));
  return {
    async getCompletions(userId, lessonIds) {
      const values = await readValidUnder(backend, completionValue, storeKeys.completionPrefix(userId), lessonIds, log);
      const completions = new Map<string, Date>();
      lessonIds.forEach((lessonId, i) => {
        const value = values[i];
        if (value) completions.set(lessonId, new Date(value.completedAt));
      });
      return completions;
    },
    async setCompletion(userId, lessonId, at) {
      await backend.write(storeKeys.completion(userId, lessonId), { completedAt: at.getTime() });
    },
    async deleteCompletions(userId, lessonIds) {
      await backend.remove(lessonIds.map((lessonId) => storeKeys.completion(userId, lessonId)));
    },
    async touchLearner(guildId, userId, at) {
      await backend.write(storeKeys.rosterEntry(guildId, userId), { lastSeenAt: at.getTime() });
    },
    async listLearners(guildId) {
      const prefix = storeKeys.rosterPrefix(guildId);
      return (await backend.listKeys(prefix)).map((key) => key.slice(prefix.length));
    },
    schedules: createScheduleStore(backend, log),
    milestones: createMilestoneStore(backend, log),
    recaps: createRecapStore(backend, log),
    quiz: createQuizStore(backend, log),
    learners: createLearnerStore(backend, log),
    reminders: createReminderStore(backend, log),
    restBudget: createRestBudgetStore(backend, log),
    audit: createAuditStore(backend, log),
    close: () => (closed ??= backend.close()),
  };
}

/** Opens the store STORE_URL names, checks its schema version and returns the typed store. */
export async function openStudyStore(url: string, log: Log): Promise<StudyStore> {
  const backend = await openBackend(url);
  try {
    await ensureSchemaVersion(backend, log);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return createStudyStore(backend, log);
}
