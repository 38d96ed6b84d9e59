import type { Course, Lesson } from '../course/course.ts';
import { UserError } from '../ui/user-error.ts';
import { distance as editDistance } from 'fastest-levenshtein';
import { searchLessons } from './search-lessons.ts';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The fewest edits from the typed text to the lesson's title, id, or any word of its title or topics. */
function distanceTo(lesson: Lesson, query: string): number {
  const candidates = [lesson.title.toLowerCase(), lesson.id, ...words(lesson.title), ...lesson.keyTopics.flatMap(words)];
  return Math.min(...candidates.map((candidate) => editDistance(query, candidate)));
}

/** The closest lessons to a typed text: search matches first, else the fewest edits to a title or topic word (typos). */
export function closestLessons(course: Course, typed: string, count = 3): Lesson[] {
  const matches = searchLessons(course, typed, count);
  if (matches.length > 0) return matches;
  const query = typed.trim().toLowerCase();
  return [...course.lessons]
    .map((lesson) => ({ lesson, distance: distanceTo(lesson, query) }))
    .sort((a, b) => a.distance - b.distance || a.lesson.index - b.lesson.index)
    .slice(0, count)
    .map((match) => match.lesson);
}

/**
 * The lesson an option value names: normally an id chosen from autocomplete; a title typed
 * in full is accepted too. Anything else is a UserError that suggests the closest lessons.
 */
export function resolveLesson(course: Course, value: string): Lesson {
  const byId = course.lessonById(value.trim().toLowerCase());
  if (byId) return byId;
  const byTitle = course.lessons.find((lesson) => lesson.title.toLowerCase() === value.trim().toLowerCase());
  if (byTitle) return byTitle;
  const suggestions = closestLessons(course, value).map((lesson) => `• ${lesson.title} (${lesson.part.title})`);
  throw new UserError(`There is no lesson called “${value.slice(0, 100)}”. Pick one from the list as you type, or try:\n${suggestions.join('\n')}`);
}
