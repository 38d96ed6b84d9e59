import type { Course, Part } from '../course/course.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { QuizBestValue } from '../store/values.ts';
import { isDue } from './leitner.ts';
import { allQuestionIds } from './review-queue.ts';

export interface QuizStanding {
  best: Map<string, QuizBestValue>;
  /** Per part: questions whose last answer was right, of all the part's questions. */
  mastery: { part: Part; known: number; total: number }[];
  dueNow: number;
}

/** A learner's quiz results for /progress: best scores, mastery per part and reviews due. */
export async function quizStanding(store: StudyStore, course: Course, userId: string, today: string): Promise<QuizStanding> {
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const [best, reviews] = await Promise.all([store.quiz.getBestScores(userId, lessonIds), store.quiz.getReviews(userId, allQuestionIds(course))]);
  const mastery = course.parts.map((part) => ({ part, known: 0, total: part.lessons.reduce((sum, lesson) => sum + lesson.quiz.length, 0) }));
  let dueNow = 0;
  for (const [id, review] of reviews) {
    if (review.right) mastery[course.questionById(id)!.lesson.part.index]!.known += 1;
    if (isDue(review, today)) dueNow += 1;
  }
  return { best, mastery, dueNow };
}
