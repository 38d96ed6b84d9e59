import type { Course, QuizQuestion } from '../course/course.ts';
import { UserError } from '../ui/user-error.ts';

/** The quiz question a button names; one removed from the course since the button was made is explained. */
export function questionOfButton(course: Course, questionId: string): QuizQuestion {
  const question = course.questionById(questionId);
  if (!question) throw new UserError('That question is no longer in the course (the quiz has changed). Start again with `/quiz` or `/review`.');
  return question;
}
