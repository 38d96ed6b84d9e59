import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import sqlite3 from 'sqlite3';
import { loadCourse } from '../../src/course/load-course.ts';
import { createLog } from '../../src/util/log.ts';
import { completeLesson, getCompletions } from '../../src/progress/completions.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { learnerId, populateStore, runSql } from './populate-store.ts';
import { summarize, type Summary } from './stats.ts';

export interface StoreResult {
  learners: number;
  bot: { completionsPerSecond: number; read: Summary };
  ceiling: { completionsPerSecond: number; read: Summary };
  /** The same reads with better-sqlite3 and a prepared statement, the driver the bot reads with. */
  driverRead: Summary;
}

/** Seconds taken to run `count` tasks, `concurrency` at a time. */
async function timedConcurrently(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - start) / 1000;
}

async function timedReads(from: number, count: number, read: (i: number) => Promise<unknown>, into: number[]) {
  for (let i = from; i < from + count; i += 1) {
    const t0 = performance.now();
    await read(i);
    into.push(performance.now() - t0);
  }
}

/**
 * Completions written a second and /progress reads, by the bot's store and by sqlite3 directly
 * with the same pragmas (the ceiling), on one file; reads also with better-sqlite3 directly, the
 * driver the bot reads with. Each side is warmed up first (JIT, page cache), then the
 * two take turns for `rounds` rounds, so drift on a shared machine falls on both alike.
 */
export async function benchStore(learners: number, writes: number, reads: number, rounds = 4): Promise<StoreResult> {
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-store-'));
  try {
    const course = loadCourse();
    const file = join(dir, 'study.sqlite');
    await populateStore(file, course, learners, 3, []);
    const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
    const db = new sqlite3.Database(file);
    await runSql(db, 'PRAGMA journal_mode=WAL');
    await runSql(db, 'PRAGMA synchronous=NORMAL');
    const reader = new Database(file, { fileMustExist: true });
    // The read the bot does: the learner's completions as one range of the primary key.
    const rangeSql = 'SELECT key, value FROM keyv WHERE key >= ? AND key < ?';
    const select = reader.prepare(rangeSql);
    const clock = { now: () => new Date() };
    const lesson = (i: number) => course.lessons[(i * 7) % course.lessons.length]!;
    const learner = (i: number) => learnerId((i * 31) % learners);
    const upsert = 'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value';
    const rangeOf = (i: number) => [`study:completion:${learner(i)}:`, `study:completion:${learner(i)};`];
    const sides = {
      bot: {
        write: (i: number) => completeLesson(store, clock, learner(i), lesson(i)),
        read: (i: number) => getCompletions(store, course, learner(i)),
      },
      ceiling: {
        write: (i: number) =>
          runSql(db, upsert, `study:completion:${learner(i)}:${lesson(i).id}`, JSON.stringify({ value: { completedAt: Date.now() } })),
        read: (i: number) => new Promise((resolve, reject) => db.all(rangeSql, rangeOf(i), (error, rows) => (error ? reject(error) : resolve(rows)))),
      },
    };
    const perRound = { writes: Math.ceil(writes / rounds), reads: Math.ceil(reads / rounds) };
    const measured = { bot: { seconds: 0, reads: [] as number[] }, ceiling: { seconds: 0, reads: [] as number[] } };
    const driverRead = async (i: number) => select.all(...rangeOf(i));
    const driverReads: number[] = [];
    for (const read of [sides.bot.read, sides.ceiling.read, driverRead]) await timedReads(Math.floor(learners / 2), Math.min(1000, reads), read, []);
    for (let round = 0; round < rounds; round += 1) {
      for (const name of round % 2 === 0 ? (['bot', 'ceiling'] as const) : (['ceiling', 'bot'] as const)) {
        const offset = round * perRound.writes + (name === 'bot' ? 0 : Math.floor(learners / 3));
        measured[name].seconds += await timedConcurrently(perRound.writes, 64, (i) => sides[name].write(offset + i));
        await timedReads(offset, perRound.reads, sides[name].read, measured[name].reads);
        if (name === 'ceiling') await timedReads(offset, perRound.reads, driverRead, driverReads);
      }
    }
    await store.close();
    await new Promise((resolve) => db.close(resolve));
    reader.close();
    const result = (name: 'bot' | 'ceiling') => ({
      completionsPerSecond: (perRound.writes * rounds) / measured[name].seconds,
      read: summarize(measured[name].reads),
    });
    return { learners, bot: result('bot'), ceiling: result('ceiling'), driverRead: summarize(driverReads) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
