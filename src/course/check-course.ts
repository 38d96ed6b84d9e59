// `npm run check-course [file]`: the same validation the bot runs at start-up.
import { CourseError, defaultCoursePath, loadCourse } from './load-course.ts';

const file = process.argv[2] ?? defaultCoursePath;
try {
  const course = loadCourse(file);
  const questions = course.lessons.reduce((sum, lesson) => sum + lesson.quiz.length, 0);
  console.log(`${file} is valid: ${course.parts.length} parts, ${course.lessons.length} lessons, ${questions} quiz questions.`);
} catch (error) {
  if (!(error instanceof CourseError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
