import type { Course, QuizQuestion } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import { isDue } from './leitner.ts';

/** At most this many questions in one /review session. */
export const reviewSessionSize = 10;

const questionIdsOf = new WeakMap<Course, readonly string[]>();

/** Every question's id in course order (worked out once per course: /progress asks on every call). */
export function allQuestionIds(course: Course): readonly string[] {
  let ids = questionIdsOf.get(course);
  if (!ids) questionIdsOf.set(course, (ids = course.lessons.flatMap((lesson) => lesson.quiz.map((question) => question.id))));
  return ids;
}

export interface ReviewQueue {
  /** Questions due on `today` or before, in course order. */
  due: QuizQuestion[];
  /** The earliest date a question not yet due comes back, if any. */
  nextDue?: string;
}

/** What the learner has to review: one read of their own review schedules (a key range on SQLite). */
export async function reviewQueue(store: StudyStore, course: Course, userId: string, today: string): Promise<ReviewQueue> {
  const reviews = await store.quiz.getReviews(userId, allQuestionIds(course));
  const due: QuizQuestion[] = [];
  let nextDue: string | undefined;
  for (const [id, review] of reviews) {
    if (isDue(review, today)) due.push(course.questionById(id)!);
    else if (!nextDue || review.due < nextDue) nextDue = review.due;
  }
  due.sort((a, b) => a.lesson.index - b.lesson.index || a.index - b.index);
  return { due, ...(nextDue ? { nextDue } : {}) };
}
