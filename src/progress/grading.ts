import type { QuizQuestion } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { ReviewValue } from '../store/values.ts';
import type { Clock } from '../util/clock.ts';
import { afterAnswer } from './leitner.ts';

export interface Graded {
  right: boolean;
  /** The question's review schedule after this answer. */
  review: ReviewValue;
}

/**
 * Grades the learner's answer and moves the question's review schedule on, once per attempt
 * (`attemptId`: the quiz or review message). Undefined when this question was already graded in
 * this attempt, by a second click or a second device: the schedule is written with
 * compare-and-set, so two answers at once never both count.
 */
export async function gradeAnswer(
  store: StudyStore,
  clock: Clock,
  learner: { userId: string; today: string },
  question: QuizQuestion,
  choice: number,
  attemptId: string,
): Promise<Graded | undefined> {
  const right = choice === question.answer;
  const previous = (await store.quiz.getReviews(learner.userId, [question.id])).get(question.id);
  if (previous?.attemptId === attemptId) return undefined;
  const review = afterAnswer(previous, right, learner.today, clock.now(), attemptId);
  return (await store.quiz.replaceReview(learner.userId, question.id, previous, review)) ? { right, review } : undefined;
}
