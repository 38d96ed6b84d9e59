import type { Course, Lesson, QuizQuestion } from '../course/course.ts';
import { reviewSessionSize, type ReviewQueue } from '../progress/review-queue.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import type { Payload } from '../ui/reply.ts';
import { startOfLocalDate } from '../util/time.ts';
import { feedbackView, questionView, reviewDoneView } from './quiz-view.ts';

/** A lesson quiz's question, for the learner `ownerId`, with the score and count of questions before it. */
export function quizQuestion(question: QuizQuestion, score: number, asked: number, ownerId: string): Payload {
  const counter = `Question ${question.index + 1} of ${question.lesson.quiz.length}`;
  return questionView('Quiz', counter, question, (choice) =>
    buildButtonId({ action: 'answer', questionId: question.id, choice, score, asked, ownerId }),
  );
}

/** The start of the lesson's quiz. */
export const firstQuizQuestion = (course: Course, lesson: Lesson, ownerId: string) =>
  quizQuestion(course.questionById(lesson.quiz[0]!.id)!, 0, 0, ownerId);

/** After an answer in a lesson quiz: `score` and `asked` include it. */
export function quizFeedback(question: QuizQuestion, choice: number, score: number, asked: number, ownerId: string): Payload {
  const last = question.index + 1 >= question.lesson.quiz.length;
  const onward = {
    id: buildButtonId({ action: 'quizNext', questionId: question.id, score, asked, ownerId }),
    label: last ? 'See your score' : 'Next question ▶',
  };
  return feedbackView(question, choice, `Score so far: ${score}/${asked}`, onward);
}

/** A question due for review, the session's `reviewed + 1`th. */
export function reviewQuestion(question: QuizQuestion, reviewed: number, right: number, ownerId: string): Payload {
  return questionView('Review', `Review ${reviewed + 1} (up to ${reviewSessionSize})`, question, (choice) =>
    buildButtonId({ action: 'reviewAnswer', questionId: question.id, choice, reviewed, right, ownerId }),
  );
}

const inDays = (days: number) => (days === 1 ? 'tomorrow' : `in ${days} days`);

/** After a review answer: the session's counts include it; the question comes back in `comesBackInDays`. */
export function reviewFeedback(
  question: QuizQuestion,
  choice: number,
  session: { reviewed: number; right: number },
  comesBackInDays: number,
  ownerId: string,
) {
  const onward = {
    id: buildButtonId({ action: 'reviewNext', ...session, ownerId }),
    label: session.reviewed >= reviewSessionSize ? 'Finish' : 'Next ▶',
  };
  return feedbackView(question, choice, `Reviewed ${session.reviewed}: ${session.right} right. It comes back ${inDays(comesBackInDays)}.`, onward);
}

/**
 * The next step of a learner's review session: their first question due, or, after
 * `reviewSessionSize` questions or with nothing left due, the summary with the next due time.
 */
export function reviewStep(
  queue: ReviewQueue,
  day: { today: string; timeZone: string },
  session: { reviewed: number; right: number },
  ownerId: string,
): Payload {
  const [first] = queue.due;
  if (first && session.reviewed < reviewSessionSize) return reviewQuestion(first, session.reviewed, session.right, ownerId);
  return reviewDoneView(session.reviewed, session.right, queue.due.length, queue.nextDue ? startOfLocalDate(queue.nextDue, day.timeZone) : undefined);
}
