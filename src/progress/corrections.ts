import type { Course, Lesson } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { AuditEntry } from '../store/values.ts';
import type { Clock } from '../util/clock.ts';
import { getCompletions } from './completions.ts';

/** Who corrects whose progress, where and why. */
export interface Correction {
  guildId: string;
  actorId: string;
  memberId: string;
  reason: string;
}

/**
 * Marks the lesson done or not done for the member, and writes it to the server's audit log.
 * Resolves false, writing nothing, when the lesson is already in that state.
 */
export async function correctLesson(store: StudyStore, clock: Clock, correction: Correction, lesson: Lesson, done: boolean): Promise<boolean> {
  const current = await store.getCompletions(correction.memberId, [lesson.id]);
  if (current.has(lesson.id) === done) return false;
  const at = clock.now();
  if (done) await store.setCompletion(correction.memberId, lesson.id, at);
  else await store.deleteCompletions(correction.memberId, [lesson.id]);
  const { guildId, ...who } = correction;
  await store.audit.record(guildId, { ...who, at: at.getTime(), action: done ? 'done' : 'not done', lessonId: lesson.id } satisfies AuditEntry);
  return true;
}

/** Clears every lesson the member has done, and logs which ones with their completion times (to restore by hand). Resolves with how many. */
export async function resetLearner(store: StudyStore, course: Course, clock: Clock, correction: Correction): Promise<number> {
  const completions = await getCompletions(store, course, correction.memberId);
  const cleared = [...completions].map(([lessonId, at]) => ({ lessonId, completedAt: at.getTime() }));
  await store.deleteCompletions(
    correction.memberId,
    course.lessons.map((lesson) => lesson.id),
  );
  const { guildId, ...who } = correction;
  await store.audit.record(guildId, { ...who, at: clock.now().getTime(), action: 'reset', cleared } satisfies AuditEntry);
  return cleared.length;
}
