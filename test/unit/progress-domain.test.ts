import { describe, expect, it } from 'vitest';
import { nextLesson } from '../../src/progress/completions.ts';
import { lastStudiedAt, progressStats } from '../../src/progress/stats.ts';
import { currentStreak, streakOf } from '../../src/progress/streak.ts';
import { dayNumber } from '../../src/util/time.ts';
import { calendarGrid, calendarText } from '../../src/views/study-calendar.ts';
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

describe('streak freezes', () => {
  /** Noon UTC on each of the given days of May 2026. */
  const mayDays = (...days: number[]) => days.map((day) => new Date(Date.UTC(2026, 4, day, 12)));
  const noonOn = (day: number) => new Date(Date.UTC(2026, 4, day, 12));
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const frozenDates = (streak: ReturnType<typeof streakOf>) => [...streak.frozen].map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

  it('earns none before 7 studied days and one on the 7th', () => {
    expect(streakOf(mayDays(...range(1, 6)), noonOn(6), 'UTC')).toMatchObject({ days: 6, freezes: 0 });
    expect(streakOf(mayDays(...range(1, 7)), noonOn(7), 'UTC')).toMatchObject({ days: 7, freezes: 1 });
  });

  it('keeps at most 2, however long the streak', () => {
    expect(streakOf(mayDays(...range(1, 14)), noonOn(14), 'UTC').freezes).toBe(2);
    expect(streakOf(mayDays(...range(1, 28)), noonOn(28), 'UTC')).toMatchObject({ days: 28, freezes: 2 });
  });

  it('uses one for a missed day, automatically, and the studied days go on counting', () => {
    const streak = streakOf(mayDays(...range(1, 7), 9, 10), noonOn(10), 'UTC');
    expect(streak).toMatchObject({ days: 9, freezes: 0 });
    expect(frozenDates(streak)).toEqual(['2026-05-08']);
  });

  it('covers two missed days with two freezes, and ends on a third', () => {
    expect(streakOf(mayDays(...range(1, 14), 17), noonOn(17), 'UTC')).toMatchObject({ days: 15, freezes: 0 });
    expect(streakOf(mayDays(...range(1, 14), 18), noonOn(18), 'UTC')).toMatchObject({ days: 1, freezes: 0 });
  });

  it('does not use one for today before the day is over', () => {
    expect(streakOf(mayDays(...range(1, 7)), new Date('2026-05-08T23:59:00Z'), 'UTC')).toMatchObject({ days: 7, freezes: 1 });
  });

  it('earns the next one from studied days only: a frozen day does not count toward 7', () => {
    // 1-7 studied (a freeze), 8 frozen, 9-14 studied: 13 studied days, the second freeze comes on the 14th studied day.
    expect(streakOf(mayDays(...range(1, 7), ...range(9, 14)), noonOn(14), 'UTC')).toMatchObject({ days: 13, freezes: 0 });
    expect(streakOf(mayDays(...range(1, 7), ...range(9, 15)), noonOn(15), 'UTC')).toMatchObject({ days: 14, freezes: 1 });
  });

  it('starts again from nothing after a streak ends', () => {
    const streak = streakOf(mayDays(1, 2, 3, 10, 11), noonOn(11), 'UTC');
    expect(streak).toMatchObject({ days: 2, freezes: 0 });
    expect(streak.frozen.size).toBe(0);
  });
});

describe('the 12-week study calendar', () => {
  it('ends with the current week, Monday first, and marks studied, frozen and missed days, today before study, and days to come', () => {
    // Wednesday 13 May 2026: studied 4 to 10 May (a freeze), missed the 11th (frozen), studied the 12th.
    const streak = streakOf(
      [...Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 4, 4 + i, 12))), new Date(Date.UTC(2026, 4, 12, 12))],
      new Date('2026-05-13T09:00:00Z'),
      'UTC',
    );
    const grid = calendarGrid(streak);
    expect(grid).toHaveLength(12);
    expect(grid[11]).toEqual(['frozen', 'studied', 'today', 'future', 'future', 'future', 'future']);
    expect(grid[10]).toEqual(Array(7).fill('studied'));
    expect(grid[0]!.every((day) => day === 'missed')).toBe(true);
    expect(streak.today - dayNumber('2026-05-11')).toBe(2);
    expect(calendarText(grid).summary).toBe('Studied on 8 of the last 80 days, 1 day kept by a freeze.');
    const rows = calendarText(grid).grid.split('\n');
    expect(rows[0]).toBe('`Mon` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩🧊');
    expect(rows[2]).toBe('`Wed` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩⬜');
    expect(rows[3]).toBe('`Thu` ⬛⬛⬛⬛⬛⬛⬛⬛⬛⬛🟩');
  });
});
