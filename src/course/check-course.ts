// `npm run check-course [file]`: the same validation the bot runs at start-up.
import { CourseError, defaultCoursePath, loadCourse } from './load-course.ts';

const file = process.argv[2] ?? defaultCoursePath;
try {
  const course = loadCourse(file);
  console.log(`${file} is valid: ${course.parts.length} parts, ${course.lessons.length} lessons.`);
} catch (error) {
  if (!(error instanceof CourseError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
