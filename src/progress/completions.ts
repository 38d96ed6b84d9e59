import type { Clock } from '../util/clock.ts';
import type { Course, Lesson } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';

/** A learner's completed lessons of this course, with when each was completed. */
export type Completions = Map<string, Date>;

export async function getCompletions(store: StudyStore, course: Course, userId: string): Promise<Completions> {
  return store.getCompletions(
    userId,
    course.lessons.map((lesson) => lesson.id),
  );
}

export async function completeLesson(store: StudyStore, clock: Clock, userId: string, lesson: Lesson): Promise<void> {
  await store.setCompletion(userId, lesson.id, clock.now());
}

export async function uncompleteLesson(store: StudyStore, userId: string, lesson: Lesson): Promise<void> {
  await store.deleteCompletions(userId, [lesson.id]);
}

export async function resetProgress(store: StudyStore, course: Course, userId: string): Promise<void> {
  await store.deleteCompletions(
    userId,
    course.lessons.map((lesson) => lesson.id),
  );
}

/** The first lesson in course order the learner has not completed; undefined when all are done. */
export function nextLesson(course: Course, completions: Completions): Lesson | undefined {
  return course.lessons.find((lesson) => !completions.has(lesson.id));
}
