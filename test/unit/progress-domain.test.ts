import { describe, expect, it } from 'vitest';
import { nextLesson } from '../../src/progress/completions.ts';
import { lastStudiedAt, progressStats } from '../../src/progress/stats.ts';
import { currentStreak } from '../../src/progress/streak.ts';
import { makeCourse } from '../support/fixtures.ts';

const course = makeCourse(3, 2);
const done = (...ids: string[]) => new Map(ids.map((id, i) => [id, new Date(Date.UTC(2026, 0, 1 + i))]));
const at = (...isoTimes: string[]) => isoTimes.map((iso) => new Date(iso));

describe('stats per part and overall', () => {
  it('counts done, total and a percentage rounded down', () => {
    const stats = progressStats(course, done('p1-l1', 'p1-l3', 'p2-l2'));
    expect(stats.parts.map(({ part, tally }) => [part.id, tally])).toEqual([
      ['part-1', { done: 2, total: 3, percent: 66 }],
      ['part-2', { done: 1, total: 2, percent: 50 }],
    ]);
    expect(stats.overall).toEqual({ done: 3, total: 5, percent: 60 });
  });

  it('ignores completions of lessons no longer in the course', () => {
    expect(progressStats(course, done('retired-lesson')).overall).toEqual({ done: 0, total: 5, percent: 0 });
  });

  it('gives the last study time', () => {
    expect(lastStudiedAt(done('p1-l1', 'p1-l2'))).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(lastStudiedAt(new Map())).toBeUndefined();
  });
});

describe('the next lesson', () => {
  it('is the first not completed in course order, across parts', () => {
    expect(nextLesson(course, done('p1-l1', 'p1-l2', 'p1-l3', 'p2-l2'))?.id).toBe('p2-l1');
    expect(nextLesson(course, done('p1-l2'))?.id).toBe('p1-l1');
  });

  it('is none when every lesson is done', () => {
    expect(nextLesson(course, done(...course.lessons.map((lesson) => lesson.id)))).toBeUndefined();
  });
});

describe('the current streak', () => {
  it('counts consecutive local days ending today', () => {
    const times = at('2026-05-01T12:00:00Z', '2026-05-02T12:00:00Z', '2026-05-03T08:00:00Z', '2026-05-03T09:00:00Z');
    expect(currentStreak(times, new Date('2026-05-03T20:00:00Z'), 'UTC')).toBe(3);
  });

  it('stays alive through today until a whole day passes without study', () => {
    const times = at('2026-05-01T12:00:00Z', '2026-05-02T12:00:00Z');
    expect(currentStreak(times, new Date('2026-05-03T23:00:00Z'), 'UTC')).toBe(2);
    expect(currentStreak(times, new Date('2026-05-04T00:30:00Z'), 'UTC')).toBe(0);
  });

  it('is broken by a missed day', () => {
    expect(currentStreak(at('2026-05-01T12:00:00Z', '2026-05-03T12:00:00Z'), new Date('2026-05-03T13:00:00Z'), 'UTC')).toBe(1);
    expect(currentStreak([], new Date('2026-05-03T13:00:00Z'), 'UTC')).toBe(0);
  });

  it('counts the 23-hour day of a spring DST change as one day', () => {
    // Europe/Berlin springs forward on 2026-03-29: local 02:00 becomes 03:00.
    const times = at(
      '2026-03-28T22:30:00Z' /* 23:30 on the 28th */,
      '2026-03-29T21:45:00Z' /* 23:45 on the 29th */,
      '2026-03-29T22:15:00Z' /* 00:15 on the 30th */,
    );
    expect(currentStreak(times, new Date('2026-03-30T10:00:00Z'), 'Europe/Berlin')).toBe(3);
  });

  it('counts the 25-hour day of an autumn DST change as one day', () => {
    // America/New_York falls back on 2026-11-01: local 02:00 becomes 01:00 again.
    const times = at(
      '2026-10-31T04:30:00Z' /* 00:30 on the 31st */,
      '2026-11-01T04:30:00Z' /* 00:30 on the 1st, EDT */,
      '2026-11-02T04:30:00Z' /* 23:30 on the 1st, EST */,
    );
    expect(currentStreak(times, new Date('2026-11-02T12:00:00Z'), 'America/New_York')).toBe(2);
    expect(currentStreak(times, new Date('2026-11-01T23:00:00Z'), 'America/New_York')).toBe(2);
  });

  it("uses the learner's own days far from UTC", () => {
    // UTC sees study on June 1 and June 3 with a gap between; UTC+14 and UTC-11 see two consecutive local days.
    const times = at('2026-06-01T23:00:00Z', '2026-06-03T05:00:00Z');
    const now = new Date('2026-06-03T06:00:00Z');
    expect(currentStreak(times, now, 'UTC')).toBe(1);
    expect(currentStreak(times, now, 'Pacific/Kiritimati')).toBe(2);
    expect(currentStreak(times, now, 'Pacific/Pago_Pago')).toBe(2);
  });
});
