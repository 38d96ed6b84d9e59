import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { groupPosition, paceLabel, paceOf } from '../../src/progress/pace.ts';
import { auditLine } from '../../src/views/audit-view.ts';
import { progressCsv } from '../../src/views/progress-csv.ts';

const course = loadCourse();
const lessons = course.lessons;
const done = (count: number, from = 0) => new Map(lessons.slice(from, from + count).map((lesson) => [lesson.id, new Date(0)]));

describe("the group's position", () => {
  it('is nothing yet before the first post, the whole course once finished, and the first lesson for a pointer to a lesson the course dropped', () => {
    expect(groupPosition(course, undefined, undefined)).toEqual({ due: 0, reached: 0 });
    expect(groupPosition(course, { finished: true }, undefined)).toEqual({ due: lessons.length, reached: lessons.length });
    expect(groupPosition(course, { nextLessonId: 'gone' }, undefined)).toEqual({ due: 0, reached: 0 });
  });

  it("leaves today's lesson of the day out of what is due until the day is over", () => {
    expect(groupPosition(course, { nextLessonId: lessons[3]!.id }, lessons[2])).toEqual({ due: 2, reached: 3 });
    expect(groupPosition(course, { nextLessonId: lessons[3]!.id }, undefined)).toEqual({ due: 3, reached: 3 });
  });
});

describe('a learner’s pace', () => {
  const position = { due: 2, reached: 3 };
  it('counts the due lessons not done as behind, even for a learner who did later ones', () => {
    expect(paceOf(course, done(1), position)).toEqual({ kind: 'behind', lessons: 1 });
    expect(paceOf(course, new Map([...done(1), ...done(4, 3)]), position)).toEqual({ kind: 'behind', lessons: 1 });
    expect(paceLabel({ kind: 'behind', lessons: 2 })).toBe('2 behind');
  });

  it("is on pace with the due lessons done, today's or not, and ahead by the lessons done beyond the group", () => {
    expect(paceOf(course, done(2), position)).toEqual({ kind: 'on pace' });
    expect(paceOf(course, done(3), position)).toEqual({ kind: 'on pace' });
    expect(paceOf(course, done(5), position)).toEqual({ kind: 'ahead', lessons: 2 });
    expect(paceLabel({ kind: 'on pace' })).toBe('on pace');
  });
});

describe('the CSV export', () => {
  it('has a header and a line per learner, quoting what needs quotes and defusing spreadsheet formulas', () => {
    const row = {
      userId: '123456789012345678',
      lessonIds: ['linux', 'python'],
      percent: 11,
      streak: 2,
      quizKnown: 3,
      quizTotal: 92,
      lastStudied: new Date('2026-05-11T09:00:00Z'),
    };
    const csv = progressCsv([row, { ...row, userId: '=HYPERLINK("x")', lessonIds: [], lastStudied: undefined }]);
    expect(csv.split('\r\n')).toEqual([
      'user_id,lessons_done,lessons,percent,streak_days,quiz_right,quiz_questions,last_studied',
      '123456789012345678,2,linux python,11,2,3,92,2026-05-11T09:00:00.000Z',
      `"'=HYPERLINK(""x"")",0,,11,2,3,92,`,
      '',
    ]);
  });
});

describe('an audit line', () => {
  it('says when, who, what for whom and why, for a correction and for a reset', () => {
    const base = { at: Date.parse('2026-05-11T09:00:00Z'), actorId: '111111111111111111', memberId: '222222222222222222', reason: 'on paper' };
    expect(auditLine(course, { ...base, action: 'done', lessonId: 'linux' })).toBe(
      `<t:${base.at / 1000}:f> <@111111111111111111> marked “${course.lessonById('linux')!.title}” done for <@222222222222222222>: “on paper”`,
    );
    expect(auditLine(course, { ...base, action: 'reset', cleared: [{ lessonId: 'linux', completedAt: 0 }] })).toBe(
      `<t:${base.at / 1000}:f> <@111111111111111111> reset the progress of <@222222222222222222> (1 lesson cleared): “on paper”`,
    );
  });
});
