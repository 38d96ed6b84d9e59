import type { Course, Lesson } from '../course/course.ts';
import { UserError } from '../interactions/user-error.ts';
import { distance as editDistance } from 'fastest-levenshtein';
import { searchLessons } from './search-lessons.ts';

/** The closest lessons to a typed text: search matches first, else the smallest edit distance to a title. */
export function closestLessons(course: Course, typed: string, count = 3): Lesson[] {
  const matches = searchLessons(course, typed, count);
  if (matches.length > 0) return matches;
  const query = typed.trim().toLowerCase();
  return [...course.lessons]
    .map((lesson) => ({ lesson, distance: Math.min(editDistance(query, lesson.title.toLowerCase()), editDistance(query, lesson.id)) }))
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
