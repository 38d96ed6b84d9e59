import { describe, expect, it } from 'vitest';
import { afterAnswer, isDue, reviewIntervalDays } from '../../src/progress/leitner.ts';
import { gradeAnswer } from '../../src/progress/grading.ts';
import { reviewQueue } from '../../src/progress/review-queue.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { addDays, startOfLocalDate } from '../../src/util/time.ts';
import { captureLog } from '../support/capture-log.ts';
import { makeCourse, manualClock } from '../support/fixtures.ts';
import { storeKeys } from '../../src/store/keys.ts';
import { openBackend } from '../../src/store/open-backend.ts';
import { tempStoreDir } from '../support/temp-store.ts';

const at = new Date('2026-05-11T12:00:00Z');

describe('the Leitner schedule', () => {
  it('brings a wrong answer back the next day, and right answers after 3, 7 and then 21 days', () => {
    expect(reviewIntervalDays).toEqual([1, 3, 7, 21]);
    const wrong = afterAnswer(undefined, false, '2026-05-11', at);
    expect(wrong).toMatchObject({ box: 1, due: '2026-05-12', right: false });
    const dues: string[] = [];
    let state = wrong;
    for (const today of ['2026-05-12', '2026-05-15', '2026-05-22', '2026-06-12']) dues.push((state = afterAnswer(state, true, today, at)).due);
    expect(dues).toEqual(['2026-05-15', '2026-05-22', '2026-06-12', '2026-07-03']);
    expect(afterAnswer(state, false, '2026-07-03', at)).toMatchObject({ box: 1, due: '2026-07-04' });
  });

  it('keeps the box and date of a question answered right again before it is due, and starts it over when answered wrong', () => {
    const known = afterAnswer(undefined, true, '2026-05-11', at);
    expect(afterAnswer(known, true, '2026-05-11', at)).toMatchObject({ box: 2, due: '2026-05-14' });
    expect(afterAnswer(known, true, '2026-05-13', at)).toMatchObject({ box: 2, due: '2026-05-14' });
    expect(afterAnswer(known, true, '2026-05-14', at)).toMatchObject({ box: 3, due: '2026-05-21' });
    expect(afterAnswer(known, false, '2026-05-12', at)).toMatchObject({ box: 1, due: '2026-05-13' });
  });

  it('starts a first right answer in the three-day box', () => {
    expect(afterAnswer(undefined, true, '2026-12-30', at)).toMatchObject({ box: 2, due: '2027-01-02' });
  });

  it('counts a question due on its date and every day after, not before', () => {
    const state = afterAnswer(undefined, false, '2026-05-11', at);
    expect([isDue(state, '2026-05-11'), isDue(state, '2026-05-12'), isDue(state, '2026-06-01')]).toEqual([false, true, true]);
  });
});

describe('calendar days', () => {
  it('adds days across month, year and leap-day ends', () => {
    expect([addDays('2026-01-31', 1), addDays('2026-12-31', 1), addDays('2028-02-28', 1), addDays('2026-03-01', -1)]).toEqual([
      '2026-02-01',
      '2027-01-01',
      '2028-02-29',
      '2026-02-28',
    ]);
  });

  it('finds the first instant of a local date, on either side of a DST change and where a day starts in a gap', () => {
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    // Santiago springs forward at midnight: 2026-09-06 starts at 01:00 local (-03).
    expect(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('the review queue', () => {
  it('reads one learner’s schedules only, lists what is due in course order and the next date of the rest', async () => {
    const course = makeCourse(2, 1);
    const store = await openStudyStore('sqlite://:memory:', captureLog('warn').log);
    try {
      const [late, early, later] = ['p2-l1-q1', 'p1-l1-q2', 'p1-l2-q1'];
      await store.quiz.replaceReview('1', late!, undefined, afterAnswer(undefined, false, '2026-05-10', at));
      await store.quiz.replaceReview('1', early!, undefined, afterAnswer(undefined, false, '2026-05-09', at));
      await store.quiz.replaceReview('1', later!, undefined, afterAnswer(undefined, true, '2026-05-10', at));
      await store.quiz.replaceReview('2', 'p1-l1-q1', undefined, afterAnswer(undefined, false, '2026-05-01', at));
      const queue = await reviewQueue(store, course, '1', '2026-05-11');
      expect(queue.due.map((question) => question.id)).toEqual([early, late]);
      expect(queue.nextDue).toBe('2026-05-13');
    } finally {
      await store.close();
    }
  });
});

describe('grading and best scores in the store', () => {
  const course = makeCourse(1);
  const question = course.questionById('p1-l1-q1')!;
  const clock = manualClock('2026-05-11T12:00:00Z');
  const learner = { userId: '7', today: '2026-05-11' };

  it('grades an answer once per attempt, even when two clicks arrive at once', async () => {
    const store = await openStudyStore('sqlite://:memory:', captureLog('warn').log);
    try {
      const twice = await Promise.all([gradeAnswer(store, clock, learner, question, 0, 'm1'), gradeAnswer(store, clock, learner, question, 1, 'm1')]);
      expect(twice.filter((graded) => graded !== undefined)).toHaveLength(1);
      expect(await gradeAnswer(store, clock, learner, question, 0, 'm1')).toBeUndefined();
      const again = await gradeAnswer(store, clock, learner, question, 1, 'm2');
      expect(again).toMatchObject({ right: false, review: { box: 1, due: '2026-05-12', attemptId: 'm2' } });
    } finally {
      await store.close();
    }
  });

  it('keeps the best of several attempts recorded at once, and replaces a best score that cannot be read', async () => {
    const temp = tempStoreDir();
    const { log, lines } = captureLog('warn');
    const store = await openStudyStore(temp.url, log);
    try {
      const attempt = (score: number) => store.quiz.recordScore('7', 'p1-l1', { score, of: 4, at: 1 });
      await Promise.all([attempt(2), attempt(4), attempt(1), attempt(3)]);
      expect((await store.quiz.getBestScores('7', ['p1-l1'])).get('p1-l1')).toMatchObject({ score: 4, of: 4 });
      await attempt(3);
      expect((await store.quiz.getBestScores('7', ['p1-l1'])).get('p1-l1')?.score).toBe(4);

      const backend = await openBackend(temp.url);
      await backend.write(storeKeys.quizBest('7', 'p1-l2'), { score: 'lots' });
      await backend.close();
      await store.quiz.recordScore('7', 'p1-l2', { score: 1, of: 4, at: 1 });
      expect((await store.quiz.getBestScores('7', ['p1-l2'])).get('p1-l2')).toMatchObject({ score: 1, of: 4 });
      expect(lines().some((line) => line.msg === 'ignoring a corrupt stored value')).toBe(true);
    } finally {
      await store.close();
      temp.remove();
    }
  });
});
