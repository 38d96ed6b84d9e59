import type { Course, Part } from '../course/course.ts';
import type { Completions } from './completions.ts';

export interface Tally {
  done: number;
  total: number;
  /** Rounded down, so 100 means every lesson is done. */
  percent: number;
}

export interface ProgressStats {
  parts: { part: Part; tally: Tally }[];
  overall: Tally;
}

function tally(done: number, total: number): Tally {
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

export function progressStats(course: Course, completions: Completions): ProgressStats {
  const parts = course.parts.map((part) => ({
    part,
    tally: tally(part.lessons.filter((lesson) => completions.has(lesson.id)).length, part.lessons.length),
  }));
  const done = parts.reduce((sum, { tally }) => sum + tally.done, 0);
  return { parts, overall: tally(done, course.lessons.length) };
}

/** The most recent completion, or undefined when nothing is done. */
export function lastStudiedAt(completions: Completions): Date | undefined {
  let latest: Date | undefined;
  for (const at of completions.values()) if (!latest || at > latest) latest = at;
  return latest;
}
