import sqlite3 from 'sqlite3';

/**
 * A read-only connection of its own to the store's SQLite file with one prepared statement
 * for reading many keys. Every Keyv read prepares its statement afresh, and that preparing, on
 * the event loop's thread, was most of the cost of reading a learner's completions. WAL lets
 * this connection read while Keyv's connection writes; each read sees every committed write.
 */
export interface SqliteReader {
  /** The stored values of those of `fullKeys` that exist, by key. */
  readMany(fullKeys: readonly string[]): Promise<Map<string, string>>;
  close(): Promise<void>;
}

const call = <T>(run: (done: (error: Error | null, result?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result as T))));

export async function openSqliteReader(path: string, table: string, busyTimeoutMs: number): Promise<SqliteReader> {
  const db = await call<sqlite3.Database>((done) => {
    const opened: sqlite3.Database = new sqlite3.Database(path, sqlite3.OPEN_READWRITE, (error) => done(error, opened));
  });
  db.configure('busyTimeout', busyTimeoutMs);
  await call((done) => db.run('PRAGMA query_only = ON', done));
  const select = await call<sqlite3.Statement>((done) => {
    const prepared: sqlite3.Statement = db.prepare(`SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`, (error) => done(error, prepared));
  });
  return {
    async readMany(fullKeys) {
      const rows = await call<{ key: string; value: string }[]>((done) => select.all([JSON.stringify(fullKeys)], done));
      return new Map(rows.map((row) => [row.key, String(row.value)]));
    },
    async close() {
      await call((done) => select.finalize((error?: Error | null) => done(error ?? null)));
      await call((done) => db.close(done));
    },
  };
}
