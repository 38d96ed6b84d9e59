import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sqlite3 from 'sqlite3';
import { loadCourse } from '../../src/course/load-course.ts';
import { createLog } from '../../src/log.ts';
import { completeLesson, getCompletions } from '../../src/progress/completions.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { learnerId, populateStore, runSql } from './populate-store.ts';
import { summarize, type Summary } from './stats.ts';

export interface StoreResult {
  learners: number;
  bot: { completionsPerSecond: number; read: Summary };
  ceiling: { completionsPerSecond: number; read: Summary };
}

async function timedConcurrently(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
  return count / ((performance.now() - start) / 1000);
}

async function timedReads(count: number, read: (i: number) => Promise<unknown>): Promise<Summary> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await read(i);
    latencies.push(performance.now() - t0);
  }
  return summarize(latencies);
}

/** Completions written a second and /progress reads, by the bot's store and by sqlite3 directly with the same pragmas. */
export async function benchStore(learners: number, writes: number, reads: number): Promise<StoreResult> {
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-store-'));
  try {
    const course = loadCourse();
    const file = join(dir, 'study.sqlite');
    await populateStore(file, course, learners, 3, []);
    const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
    const clock = { now: () => new Date() };
    const lesson = (i: number) => course.lessons[(i * 7) % course.lessons.length]!;
    const botWrites = await timedConcurrently(writes, 64, (i) => completeLesson(store, clock, learnerId((i * 13) % learners), lesson(i)));
    const botRead = await timedReads(reads, (i) => getCompletions(store, course, learnerId((i * 31) % learners)));
    await store.close();

    const db = new sqlite3.Database(file);
    await runSql(db, 'PRAGMA journal_mode=WAL');
    await runSql(db, 'PRAGMA synchronous=NORMAL');
    const upsert = 'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value';
    const rawWrites = await timedConcurrently(writes, 64, (i) => runSql(db, upsert, `study:completion:${learnerId((i * 17) % learners)}:${lesson(i).id}`, JSON.stringify({ value: { completedAt: Date.now() } })));
    const keysOf = (i: number) => JSON.stringify(course.lessons.map((l) => `study:completion:${learnerId((i * 37) % learners)}:${l.id}`));
    const rawRead = await timedReads(reads, (i) => new Promise((resolve, reject) => db.all('SELECT * FROM keyv WHERE key IN (SELECT value FROM json_each(?))', [keysOf(i)], (error, rows) => (error ? reject(error) : resolve(rows)))));
    await new Promise((resolve) => db.close(resolve));
    return { learners, bot: { completionsPerSecond: botWrites, read: botRead }, ceiling: { completionsPerSecond: rawWrites, read: rawRead } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
