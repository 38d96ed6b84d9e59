import Database from 'better-sqlite3';

/**
 * A read-only connection of its own to the store's SQLite file, reading on the event loop's
 * thread through one prepared statement. Keyv's adapter (sqlite3) prepares every query afresh
 * and hands it to a worker thread and back; under load that cost a read about 0.25 ms of CPU,
 * half as much again as the rest of an interaction, where this read takes microseconds (see the
 * README's Performance). WAL lets this connection read while Keyv's connection writes, and each
 * read sees every committed write.
 */
export interface SqliteReader {
  /** The stored values of those of `fullKeys` that exist, by key. */
  readMany(fullKeys: readonly string[]): Map<string, string>;
  close(): void;
}

/**
 * In WAL mode a reader waits only in rare moments (another process recovering the file after a
 * crash); a read blocks the event loop while it waits, so it gives up sooner than writers do.
 */
const readerBusyTimeoutMs = 1000;

/** The rows of the keys in a JSON array bound as its one parameter. */
export const readManySql = (table: string) => `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`;

export function openSqliteReader(path: string, table: string): SqliteReader {
  const db = new Database(path, { fileMustExist: true, timeout: readerBusyTimeoutMs });
  db.pragma('query_only = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection; SQLite's own default of
  // 2 MB is plenty for key lookups (the OS caches the file too) and keeps the bot's RSS down.
  db.pragma('cache_size = -2000');
  const select = db.prepare<[string], { key: string; value: string }>(readManySql(table));
  return {
    readMany: (fullKeys) => new Map(select.all(JSON.stringify(fullKeys)).map((row) => [row.key, String(row.value)])),
    close: () => db.close(),
  };
}
