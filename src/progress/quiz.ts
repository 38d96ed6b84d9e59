import type { QuizQuestion } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { QuizBestValue } from '../store/values.ts';
import type { Clock } from '../util/clock.ts';
import { gradeAnswer, type Graded } from './grading.ts';

export type { QuizBestValue };

/** A quiz counts as passed at 80 % right or more. */
export const passed = (best: Pick<QuizBestValue, 'score' | 'of'>) => best.score / best.of >= 0.8;

export interface QuizProgress {
  /** Right answers and questions answered so far in this attempt. */
  score: number;
  asked: number;
}

/**
 * One answer in a lesson quiz: graded (once per attempt) with the attempt's score moved on; at
 * the lesson's last question the score is kept if it is the learner's best. Undefined when the
 * question was already answered in this attempt.
 */
export async function answerQuizQuestion(
  store: StudyStore,
  clock: Clock,
  learner: { userId: string; today: string },
  question: QuizQuestion,
  choice: number,
  attempt: QuizProgress & { id: string },
): Promise<(Graded & QuizProgress & { finished: boolean }) | undefined> {
  const graded = await gradeAnswer(store, clock, learner, question, choice, attempt.id);
  if (!graded) return undefined;
  const [score, asked] = [attempt.score + (graded.right ? 1 : 0), attempt.asked + 1];
  const finished = question.index + 1 >= question.lesson.quiz.length;
  if (finished) await store.quiz.recordScore(learner.userId, question.lesson.id, { score, of: asked, at: clock.now().getTime() });
  return { ...graded, score, asked, finished };
}

/** The learner's best score in the lesson's quiz, if they took it. */
export async function bestScore(store: StudyStore, userId: string, lessonId: string): Promise<QuizBestValue | undefined> {
  return (await store.quiz.getBestScores(userId, [lessonId])).get(lessonId);
}
