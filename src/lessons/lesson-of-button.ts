import type { Course, Lesson } from '../course/course.ts';
import { UserError } from '../ui/user-error.ts';

/** The lesson a button names; a lesson gone from the outline since the button was made is explained. */
export function lessonOfButton(course: Course, lessonId: string): Lesson {
  const lesson = course.lessonById(lessonId);
  if (!lesson) throw new UserError('That lesson is no longer in the course (the outline has changed). Open another with /lesson.');
  return lesson;
}
