import type { Clock } from '../../src/util/clock.ts';
import { buildCourse, type Course } from '../../src/course/course.ts';

/** A course of `partSizes[i]` lessons per part, ids `p<i>-l<j>`, each with four quiz questions `p<i>-l<j>-q<k>` (option 0 right), for domain tests. */
export function makeCourse(...partSizes: number[]): Course {
  return buildCourse({
    id: 'test-course',
    title: 'Test course',
    parts: partSizes.map((size, p) => ({
      id: `part-${p + 1}`,
      title: `Part ${p + 1}`,
      objective: 'Learn things.',
      lessons: Array.from({ length: size }, (_, l) => ({
        id: `p${p + 1}-l${l + 1}`,
        title: `Lesson ${l + 1} of part ${p + 1}`,
        summary: 'A summary.',
        keyTopics: ['one', 'two', 'three'],
        practice: 'Practise.',
        selfCheck: ['Why?', 'How?'],
        quiz: Array.from({ length: 4 }, (_, q) => ({
          id: `p${p + 1}-l${l + 1}-q${q + 1}`,
          question: `Question ${q + 1}?`,
          options: ['Right', 'Wrong', 'Also wrong'],
          answer: 0,
          explanation: 'Because it is right.',
        })),
      })),
    })),
  });
}

/** A clock the test moves by hand. */
export function manualClock(start: string | Date): Clock & { set(at: string | Date): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}
