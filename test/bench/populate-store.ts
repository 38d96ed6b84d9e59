import sqlite3 from 'sqlite3';
import type { Course } from '../../src/course/course.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { createLog } from '../../src/util/log.ts';

export function runSql(db: sqlite3.Database, sql: string, ...params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

/**
 * Fills an SQLite store with `learners` learners, each with `perLearner` completions and on the
 * roster of one of `guilds` servers, written straight into Keyv's table in the bot's own key
 * and value format (one transaction: the bot's own path is what the benchmarks measure).
 */
export async function populateStore(file: string, course: Course, learners: number, perLearner: number, guildIds: readonly string[]): Promise<void> {
  const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
  await store.close();
  const db = new sqlite3.Database(file);
  await runSql(db, 'PRAGMA journal_mode=WAL');
  await runSql(db, 'BEGIN');
  const insert = db.prepare('INSERT OR REPLACE INTO keyv (key, value) VALUES (?, ?)');
  const put = (key: string, value: unknown) =>
    new Promise<void>((resolve, reject) =>
      insert.run(`study:${key}`, JSON.stringify({ value }), (error: Error | null) => (error ? reject(error) : resolve())),
    );
  const at = Date.parse('2026-05-01T10:00:00Z');
  for (let i = 0; i < learners; i += 1) {
    const userId = String(100_000_000_000_000_000n + BigInt(i));
    for (let l = 0; l < perLearner; l += 1)
      await put(`completion:${userId}:${course.lessons[(i + l) % course.lessons.length]!.id}`, { completedAt: at + l * 86_400_000 });
    if (guildIds.length > 0) await put(`roster:${guildIds[i % guildIds.length]}:${userId}`, { lastSeenAt: at });
  }
  await new Promise((resolve) => insert.finalize(resolve));
  await runSql(db, 'COMMIT');
  await new Promise((resolve) => db.close(resolve));
}

export const learnerId = (i: number) => String(100_000_000_000_000_000n + BigInt(i));
