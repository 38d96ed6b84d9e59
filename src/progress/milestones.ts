import type { Course, Lesson } from '../course/course.ts';
import { wholeCourse } from '../store/milestone-values.ts';
import type { Completions } from './completions.ts';

/** Something a learner can finish and a server can give a role for: a part, or the whole course. */
export interface Milestone {
  /** The part's id, or `@course`. */
  id: string;
  title: string;
  lessons: readonly Lesson[];
}

export function milestonesOf(course: Course): Milestone[] {
  return [
    ...course.parts.map((part) => ({ id: part.id, title: part.title, lessons: part.lessons })),
    { id: wholeCourse, title: `the whole course (${course.title})`, lessons: course.lessons },
  ];
}

export function milestoneById(course: Course, id: string): Milestone | undefined {
  return milestonesOf(course).find((milestone) => milestone.id === id);
}

/** The milestones every lesson of which the learner has done. */
export function reachedMilestones(course: Course, completions: Completions): Milestone[] {
  return milestonesOf(course).filter(({ lessons }) => lessons.length > 0 && lessons.every((lesson) => completions.has(lesson.id)));
}
