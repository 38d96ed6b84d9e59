import type { Course, Lesson } from '../course/course.ts';
import type { Pointer } from '../store/schedule-values.ts';
import type { Completions } from './completions.ts';

/** A learner against their group: how many of the lessons the group has had they have not done, or how many beyond it they have. */
export type Pace = { kind: 'behind'; lessons: number } | { kind: 'on pace' } | { kind: 'ahead'; lessons: number };

/** Where a server's group is, in course order: the lessons it has had before today, and with today's lesson of the day. */
export interface GroupPosition {
  /** Lessons a learner should have done to be on pace: today's lesson of the day is theirs until the day ends. */
  due: number;
  /** Lessons the group has had, today's included: done beyond these, a learner is ahead. */
  reached: number;
}

/** The group's position from the lesson-of-the-day pointer (the next lesson to post): every lesson before it has been posted. */
export function groupPosition(course: Course, pointer: Pointer | undefined, todaysLesson: Lesson | undefined): GroupPosition {
  const reached = pointer === undefined ? 0 : 'finished' in pointer ? course.lessons.length : (course.lessonById(pointer.nextLessonId)?.index ?? 0);
  return { due: todaysLesson && todaysLesson.index < reached ? todaysLesson.index : reached, reached };
}

export function paceOf(course: Course, completions: Completions, { due, reached }: GroupPosition): Pace {
  const missing = course.lessons.slice(0, due).filter((lesson) => !completions.has(lesson.id)).length;
  if (missing > 0) return { kind: 'behind', lessons: missing };
  const beyond = course.lessons.slice(reached).filter((lesson) => completions.has(lesson.id)).length;
  return beyond > 0 ? { kind: 'ahead', lessons: beyond } : { kind: 'on pace' };
}

/** The pace in a few words: "2 behind", "on pace", "1 ahead". */
export function paceLabel(pace: Pace): string {
  return pace.kind === 'on pace' ? 'on pace' : `${pace.lessons} ${pace.kind}`;
}
