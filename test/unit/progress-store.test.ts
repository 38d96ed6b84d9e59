import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeLesson, getCompletions, resetProgress, uncompleteLesson } from '../../src/progress/completions.ts';
import { currentSchemaVersion } from '../../src/store/schema-version.ts';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import { captureLog } from '../support/capture-log.ts';
import { makeCourse, manualClock } from '../support/fixtures.ts';
import { tempStoreDir } from '../support/temp-store.ts';

function runSql(file: string, sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  const db = new sqlite3.Database(file);
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows as Record<string, unknown>[])))),
  );
}

describe('the progress store on SQLite', () => {
  let temp: ReturnType<typeof tempStoreDir>;
  let store: StudyStore;
  const { log, lines } = captureLog();
  const clock = manualClock('2026-03-01T10:00:00Z');
  const course = makeCourse(3, 2);
  const sqliteFile = () => temp.url.replace('sqlite://', '');

  beforeEach(async () => {
    temp = tempStoreDir();
    store = await openStudyStore(temp.url, log);
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('works in memory too (sqlite://:memory:), where there is no file for a second connection', async () => {
    const inMemory = await openStudyStore('sqlite://:memory:', log);
    try {
      await completeLesson(inMemory, clock, 'ada', course.lessons[1]!);
      expect(await getCompletions(inMemory, course, 'ada')).toEqual(new Map([[course.lessons[1]!.id, clock.now()]]));
    } finally {
      await inMemory.close();
    }
  });

  it('creates its folder, runs in WAL mode and records its schema version', async () => {
    expect(await runSql(sqliteFile(), 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const [row] = await runSql(sqliteFile(), "SELECT value FROM keyv WHERE key = 'study:meta:schema-version'");
    expect(JSON.parse(String(row?.value)).value).toEqual({ version: currentSchemaVersion });
  });

  it('keeps a completion and its time across a close and reopen of the file', async () => {
    await completeLesson(store, clock, 'ada', course.lessons[1]!);
    await store.close();
    store = await openStudyStore(temp.url, log);
    expect(await getCompletions(store, course, 'ada')).toEqual(new Map([['p1-l2', new Date('2026-03-01T10:00:00Z')]]));
  });

  it('undoes one lesson, and resets a learner without touching another learner', async () => {
    for (const lesson of course.lessons.slice(0, 3)) await completeLesson(store, clock, 'ada', lesson);
    await completeLesson(store, clock, 'bo', course.lessons[0]!);
    await uncompleteLesson(store, 'ada', course.lessons[0]!);
    expect([...(await getCompletions(store, course, 'ada')).keys()]).toEqual(['p1-l2', 'p1-l3']);
    await resetProgress(store, course, 'ada');
    expect((await getCompletions(store, course, 'ada')).size).toBe(0);
    expect([...(await getCompletions(store, course, 'bo')).keys()]).toEqual(['p1-l1']);
  });

  it('loses none of 200 concurrent completions by one learner', async () => {
    const big = makeCourse(200);
    await Promise.all(big.lessons.map((lesson) => completeLesson(store, clock, 'ada', lesson)));
    expect((await getCompletions(store, big, 'ada')).size).toBe(200);
  });

  it('loses none of the concurrent completions by 100 learners', async () => {
    const learners = Array.from({ length: 100 }, (_, i) => `learner-${i}`);
    await Promise.all(learners.flatMap((id) => course.lessons.slice(0, 3).map((lesson) => completeLesson(store, clock, id, lesson))));
    const counts = await Promise.all(learners.map(async (id) => (await getCompletions(store, course, id)).size));
    expect(counts).toEqual(learners.map(() => 3));
  });

  it('keeps a roster per server, shared progress per learner', async () => {
    await Promise.all(['ada', 'bo', 'cy'].map((id) => store.touchLearner('111', id, clock.now())));
    await store.touchLearner('222', 'ada', clock.now());
    await store.touchLearner('111', 'ada', clock.now());
    expect((await store.listLearners('111')).sort()).toEqual(['ada', 'bo', 'cy']);
    expect(await store.listLearners('222')).toEqual(['ada']);
    expect(await store.listLearners('11')).toEqual([]);
  });

  it('logs a corrupt stored value and treats it as absent', async () => {
    await completeLesson(store, clock, 'ada', course.lessons[0]!);
    await completeLesson(store, clock, 'ada', course.lessons[1]!);
    await runSql(sqliteFile(), "UPDATE keyv SET value = '{not json' WHERE key = 'study:completion:ada:p1-l1'");
    await runSql(sqliteFile(), `UPDATE keyv SET value = '{"value":{"completedAt":"yesterday"}}' WHERE key = 'study:completion:ada:p1-l2'`);
    expect((await getCompletions(store, course, 'ada')).size).toBe(0);
    const warnings = lines().filter((line) => line.msg === 'ignoring a corrupt stored value');
    expect(warnings.map((line) => line.key)).toEqual(expect.arrayContaining(['completion:ada:p1-l1', 'completion:ada:p1-l2']));
  });

  it('refuses a store written by a newer version of the bot', async () => {
    await store.close();
    await runSql(sqliteFile(), `UPDATE keyv SET value = '{"value":{"version":99}}' WHERE key = 'study:meta:schema-version'`);
    await expect(openStudyStore(temp.url, log)).rejects.toThrow(/newer Study Companion \(schema version 99/);
    store = await openStudyStore(`sqlite://${temp.dir}/other.sqlite`, log);
  });
});

describe('STORE_URL', () => {
  it('names an unsupported scheme', async () => {
    await expect(openStudyStore('mongodb://localhost/db', captureLog().log)).rejects.toThrow('STORE_URL scheme "mongodb:" is not supported');
  });
});
