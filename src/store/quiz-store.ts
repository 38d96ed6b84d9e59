import type * as z from 'zod';
import type { Log } from '../util/log.ts';
import { claimKey, replaceIf } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidUnder } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { quizBestValue, reviewValue, type QuizBestValue, type ReviewValue } from './values.ts';

/** Quiz answers: each learner's review schedule per question and best score per lesson. */
export interface QuizStore {
  /** The learner's review schedules of `questionIds` (those answered), read under the learner's prefix in one round trip. */
  getReviews(userId: string, questionIds: readonly string[]): Promise<Map<string, ReviewValue>>;
  /** Stores `next` only if the schedule is still `previous` (absent: undefined); false when another answer got there first. */
  replaceReview(userId: string, questionId: string, previous: ReviewValue | undefined, next: ReviewValue): Promise<boolean>;
  getBestScores(userId: string, lessonIds: readonly string[]): Promise<Map<string, QuizBestValue>>;
  /** Keeps `attempt` if it beats the stored best (by share right); concurrent attempts keep the best of them. */
  recordScore(userId: string, lessonId: string, attempt: QuizBestValue): Promise<void>;
}

const share = (value: QuizBestValue) => value.score / value.of;

async function readUnder<T>(backend: StoreBackend, schema: z.ZodType<T>, prefix: string, names: readonly string[], log: Log) {
  const values = await readValidUnder(backend, schema, prefix, names, log);
  const found = new Map<string, T>();
  names.forEach((name, i) => {
    const value = values[i];
    if (value !== undefined) found.set(name, value);
  });
  return found;
}

export function createQuizStore(backend: StoreBackend, log: Log): QuizStore {
  const bestScores = (userId: string, lessonIds: readonly string[]) =>
    readUnder(backend, quizBestValue, storeKeys.quizBestPrefix(userId), lessonIds, log);
  return {
    getReviews: (userId, questionIds) => readUnder(backend, reviewValue, storeKeys.reviewPrefix(userId), questionIds, log),
    async replaceReview(userId, questionId, previous, next) {
      const key = storeKeys.review(userId, questionId);
      return previous ? replaceIf(backend, key, reviewValue, previous, next) : claimKey(backend, key, next);
    },
    getBestScores: bestScores,
    async recordScore(userId, lessonId, attempt) {
      const key = storeKeys.quizBest(userId, lessonId);
      // Compare-and-set: a lost race re-reads and compares with what won.
      for (let tries = 0; tries < 10; tries += 1) {
        const best = (await bestScores(userId, [lessonId])).get(lessonId);
        if (best) {
          if (share(best) >= share(attempt) || (await replaceIf(backend, key, quizBestValue, best, attempt))) return;
        } else if (await claimKey(backend, key, attempt)) return;
        // Absent to a read, yet the claim failed twice: what is stored is unreadable (logged by the read), so the attempt replaces it.
        else if (tries > 0 && !(await bestScores(userId, [lessonId])).has(lessonId)) return backend.write(key, attempt);
      }
      log.warn({ userId, lessonId }, 'quiz score not recorded: too many concurrent attempts');
    },
  };
}
