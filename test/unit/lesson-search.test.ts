import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { closestLessons, resolveLesson } from '../../src/lessons/resolve-lesson.ts';
import { searchLessons } from '../../src/lessons/search-lessons.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { makeCourse } from '../support/fixtures.ts';

const course = loadCourse();
const ids = (typed: string) => searchLessons(course, typed).map((lesson) => lesson.id);

describe('searching lessons as the learner types', () => {
  it('finds lessons by their key topics', () => {
    expect(ids('kafka')[0]).toBe('source-systems');
    expect(ids('spark')[0]).toBe('batch-ingestion');
    expect(ids('docker')[0]).toBe('containers');
    expect(ids('KAFKA')).toEqual(ids('kafka'));
  });

  it('ranks a title prefix first, then title words, then topics', () => {
    // "Ingestion I: Batch" and "Ingestion II: Stream" start with it; "Source Systems" only mentions ingestion in a topic, if at all.
    expect(ids('ingestion').slice(0, 2)).toEqual(['batch-ingestion', 'stream-ingestion']);
    expect(ids('orchestration').slice(0, 3)).toEqual(['containers', 'orchestration', 'pipeline-orchestration']);
    const pipeline = ids('pipeline');
    expect(pipeline[0]).toBe('pipeline-orchestration');
    expect(pipeline).toContain('ci-cd');
  });

  it('lists the course in order for an empty query', () => {
    expect(ids('')).toEqual(course.lessons.map((lesson) => lesson.id));
    expect(ids('   ')).toHaveLength(18);
  });

  it('never offers more than 25 choices', () => {
    const big = makeCourse(20, 20);
    expect(searchLessons(big, '')).toHaveLength(25);
    expect(searchLessons(big, 'lesson')).toHaveLength(25);
  });

  it('finds nothing for text that matches no lesson', () => {
    expect(ids('quantum basket weaving')).toEqual([]);
  });
});

describe('resolving the lesson option', () => {
  it('takes an id chosen from autocomplete, or a full title typed by hand', () => {
    expect(resolveLesson(course, 'web-api').id).toBe('web-api');
    expect(resolveLesson(course, 'linux').title).toBe('Linux');
    expect(resolveLesson(course, 'feature store').id).toBe('feature-store');
  });

  it('suggests the closest lessons for a value it does not know', () => {
    expect(() => resolveLesson(course, 'kubernets')).toThrow(UserError);
    expect(() => resolveLesson(course, 'kubernets')).toThrow(/no lesson called “kubernets”.*\n• /s);
    expect(closestLessons(course, 'Pyhton')[0]?.id).toBe('python');
    expect(closestLessons(course, 'kafka')[0]?.id).toBe('source-systems');
  });
});
