import { lessonChoiceName } from '../course/limits.ts';
import type { Course, Lesson } from '../course/course.ts';
import { maxChoices } from '../ui/choices.ts';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * How well a lesson matches the typed text, lower is better: 0 title prefix, 1 a title
 * word (or the id) starts with it or the title contains it, 2 a key topic matches it;
 * undefined when nothing matches.
 */
function matchRank(lesson: Lesson, query: string): number | undefined {
  const title = lesson.title.toLowerCase();
  if (title.startsWith(query)) return 0;
  if (title.includes(query) || lesson.id.startsWith(query) || words(lesson.title).some((word) => word.startsWith(query))) return 1;
  if (lesson.keyTopics.some((topic) => topic.toLowerCase().includes(query))) return 2;
  return undefined;
}

/** Lessons matching what the user typed, best first, course order within a rank; the course in order when empty. */
export function searchLessons(course: Course, typed: string, limit = maxChoices): Lesson[] {
  const query = typed.trim().toLowerCase();
  if (!query) return course.lessons.slice(0, limit);
  return course.lessons
    .map((lesson) => ({ lesson, rank: matchRank(lesson, query) }))
    .filter((match): match is { lesson: Lesson; rank: number } => match.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.lesson.index - b.lesson.index)
    .slice(0, limit)
    .map((match) => match.lesson);
}

/** The autocomplete choices for a lesson option (/lesson, /quiz): the matching lessons, named with their part. */
export function lessonChoices(course: Course, typed: string) {
  return searchLessons(course, typed).map((lesson) => ({ name: lessonChoiceName(lesson.part.title, lesson.title), value: lesson.id }));
}
