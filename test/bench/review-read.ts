import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadCourse } from '../../src/course/load-course.ts';
import { afterAnswer } from '../../src/progress/leitner.ts';
import { reviewQueue } from '../../src/progress/review-queue.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { addDays } from '../../src/util/time.ts';
import { createLog } from '../../src/util/log.ts';
import { learnerId } from './populate-store.ts';
import { summarize, type Summary } from './stats.ts';

export interface ReviewReadResult {
  learners: number;
  perLearner: number;
  /** What is due for one learner, as /review reads it (one range read of their review schedules), in ms. */
  read: Summary;
}

const today = '2026-05-20';

/**
 * "What is due for this learner" among `learners` learners with `perLearner` review schedules
 * each (written straight into Keyv's table in the bot's format, due dates spread over three
 * weeks either side of today), read through the bot's store for `reads` learners in turn.
 */
export async function benchReviewRead(learners: number, perLearner: number, reads: number): Promise<ReviewReadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-reviews-'));
  try {
    const course = loadCourse();
    const questions = course.lessons.flatMap((lesson) => lesson.quiz.map((question) => question.id));
    const file = join(dir, 'study.sqlite');
    await (await openStudyStore(`sqlite://${file}`, createLog('silent'))).close();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const insert = db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)');
    const at = new Date(`${today}T08:00:00Z`);
    db.transaction(() => {
      for (let i = 0; i < learners; i += 1)
        for (let q = 0; q < perLearner; q += 1) {
          const review = afterAnswer(undefined, (i + q) % 3 !== 0, addDays(today, ((i * 7 + q * 13) % 43) - 21), at);
          insert.run(`study:review:${learnerId(i)}:${questions[(i + q) % questions.length]}`, JSON.stringify({ value: review }));
        }
    })();
    db.close();
    const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
    const latencies: number[] = [];
    const learner = (i: number) => learnerId((i * 7919) % learners);
    for (let i = 0; i < Math.min(1000, reads); i += 1) await reviewQueue(store, course, learner(i), today);
    for (let i = 0; i < reads; i += 1) {
      const t0 = performance.now();
      const queue = await reviewQueue(store, course, learner(reads + i), today);
      latencies.push(performance.now() - t0);
      if (queue.due.length === 0 && !queue.nextDue) throw new Error(`learner ${learner(reads + i)} has no review schedules: the data did not load`);
    }
    await store.close();
    return { learners, perLearner, read: summarize(latencies) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
