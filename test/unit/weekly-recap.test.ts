import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { isQuietWeek, mostActiveShown, weeklyRecap, type RecapLearner } from '../../src/progress/recap-facts.ts';
import { dueRecapWeek, isoWeek } from '../../src/progress/recap-week.ts';
import { weeklyRecapMessage } from '../../src/views/weekly-recap.ts';

const course = loadCourse();
const sunday = { weekday: 0, time: '18:00' };
const week = dueRecapWeek(sunday, 'UTC', new Date('2026-05-17T18:00:00Z'))!;
const learner = (userId: string, done: [number, string][], named = true): RecapLearner => ({
  userId,
  named,
  completions: new Map(done.map(([n, at]) => [course.lessons[n]!.id, new Date(at)])),
});

describe('the recap’s week', () => {
  it('is named by ISO week, Monday first, with week 1 holding the first Thursday', () => {
    expect(isoWeek('2026-05-17')).toBe('2026-W20'); // a Sunday ends its ISO week
    expect(isoWeek('2026-05-18')).toBe('2026-W21');
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still the old year's last week
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday: already the new year's first
  });

  it('is due on its weekday from its time on, and covers the week up to that time', () => {
    expect(dueRecapWeek(sunday, 'Europe/Berlin', new Date('2026-05-17T15:59:00Z'))).toBeUndefined();
    expect(dueRecapWeek(sunday, 'Europe/Berlin', new Date('2026-05-17T16:00:00Z'))).toEqual({
      week: '2026-W20',
      date: '2026-05-17',
      from: new Date('2026-05-10T16:00:00Z'), // 18:00 the Sunday before, in Berlin
      until: new Date('2026-05-17T16:00:00Z'),
      dates: ['2026-05-10', '2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15', '2026-05-16', '2026-05-17'],
    });
    expect(dueRecapWeek(sunday, 'Europe/Berlin', new Date('2026-05-18T16:00:00Z'))).toBeUndefined();
  });

  it('spans a week of 167 hours across the change to summer time, and each moment falls in one week', () => {
    const spring = dueRecapWeek(sunday, 'Europe/Berlin', new Date('2026-03-29T16:00:00Z'))!; // summer time began that morning
    expect((spring.until.getTime() - spring.from.getTime()) / 3_600_000).toBe(167);
    const next = dueRecapWeek(sunday, 'Europe/Berlin', new Date('2026-04-05T16:00:00Z'))!;
    expect(next.from).toEqual(spring.until);
  });

  it('is due at the first minute after a DST gap that swallowed its time', () => {
    const atHalfPastTwo = { weekday: 0, time: '02:30' }; // 2026-03-29 in Berlin goes from 02:00 to 03:00
    expect(dueRecapWeek(atHalfPastTwo, 'Europe/Berlin', new Date('2026-03-29T00:59:00Z'))).toBeUndefined(); // 01:59
    expect(dueRecapWeek(atHalfPastTwo, 'Europe/Berlin', new Date('2026-03-29T01:00:00Z'))?.date).toBe('2026-03-29'); // 03:00
  });
});

describe('the recap’s facts', () => {
  it('counts a completion from the recap’s time a week before up to its time: the evening of the recap day is next week’s', () => {
    const at = (iso: string) => [learner('1', [[0, iso]])];
    expect(weeklyRecap(course, week, [], at('2026-05-10T18:00:00Z')).studiedThisWeek).toBe(1); // last Sunday at the recap's time
    expect(weeklyRecap(course, week, [], at('2026-05-10T17:59:00Z')).studiedThisWeek).toBe(0);
    expect(weeklyRecap(course, week, [], at('2026-05-17T17:59:00Z')).studiedThisWeek).toBe(1);
    expect(weeklyRecap(course, week, [], at('2026-05-17T18:00:00Z')).studiedThisWeek).toBe(0); // after this recap: the next one's
  });

  it('names at most five of the most active, none of those off the leaderboard, but counts everyone', () => {
    const learners = [
      ...Array.from({ length: 7 }, (_, i) => learner(String(100 + i), [[i, '2026-05-12T10:00:00Z']])),
      learner(
        '999',
        [0, 1, 2, 3].map((n) => [n, '2026-05-13T10:00:00Z']),
        false,
      ),
      learner('300', [
        [0, '2026-05-13T10:00:00Z'],
        [1, '2026-05-14T10:00:00Z'],
      ]),
    ];
    const recap = weeklyRecap(course, week, [course.lessons[0]!.id], learners);
    expect(recap.mostActive).toHaveLength(mostActiveShown);
    expect(recap.mostActive[0]).toEqual({ userId: '300', lessons: 2 });
    expect(recap.mostActive.map(({ userId }) => userId)).not.toContain('999');
    expect(recap.studiedThisWeek).toBe(9);
    expect(recap.lessons).toEqual([{ lesson: course.lessons[0], doneBy: 3 }]);
  });

  it('lists a part as finished only in the week its last lesson was done, and only for learners who may be named', () => {
    const part = course.parts[0]!;
    const all = (at: string) => part.lessons.map((lesson) => [lesson.index, at] as [number, string]);
    const finishedNow = learner('1', all('2026-05-15T10:00:00Z'));
    const finishedBefore = learner('2', all('2026-05-01T10:00:00Z'));
    const hidden = learner('3', all('2026-05-15T10:00:00Z'), false);
    expect(weeklyRecap(course, week, [], [finishedNow, finishedBefore, hidden]).partsFinished).toEqual([{ userId: '1', part }]);
  });

  it('is a quiet week with no lesson posted and nobody studying: no recap then', () => {
    expect(isQuietWeek(weeklyRecap(course, week, [], [learner('1', [[0, '2026-05-01T10:00:00Z']])]))).toBe(true);
    expect(isQuietWeek(weeklyRecap(course, week, [course.lessons[0]!.id], []))).toBe(false);
  });
});

describe('the recap message', () => {
  it('keeps a long list of finishers within an embed field, counting those left out', () => {
    const part = course.parts[0]!;
    const learners = Array.from({ length: 400 }, (_, i) =>
      learner(
        String(10n ** 17n + BigInt(i)),
        part.lessons.map((lesson) => [lesson.index, '2026-05-15T10:00:00Z']),
      ),
    );
    const field = weeklyRecapMessage(course, weeklyRecap(course, week, [], learners)).embeds![0]!.fields!.find(
      ({ name }) => name === 'Finished a part',
    )!;
    expect(field.value.length).toBeLessThanOrEqual(1024);
    const shown = field.value.split('\n').length - 1;
    expect(field.value.split('\n').at(-1)).toBe(`…and ${400 - shown} more`);
  });
});
