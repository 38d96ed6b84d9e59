import Database from 'better-sqlite3';

/** Reads of stored rows by full key: found rows only, by key. */
export interface SqliteReads {
  /** The rows of `fullKeys`. */
  many(fullKeys: readonly string[]): Promise<Map<string, string>> | Map<string, string>;
  /** The rows whose keys lie in [from, to): one walk of the primary key's index. */
  range(from: string, to: string): Promise<Map<string, string>> | Map<string, string>;
}

export interface SqliteReader extends SqliteReads {
  close(): void;
}

/**
 * In WAL mode a reader waits only in rare moments (another process recovering the file after a
 * crash); a read blocks the event loop while it waits, so it gives up sooner than writers do.
 */
const readerBusyTimeoutMs = 1000;

/** The statements both kinds of reads use: one key, keys in a JSON array bound as one parameter, a key range. */
const readSql = (table: string) => ({
  one: `SELECT key, value FROM ${table} WHERE key = ?`,
  many: `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
  range: `SELECT key, value FROM ${table} WHERE key >= ? AND key < ?`,
});

const byKey = (rows: { key: unknown; value: unknown }[]) => new Map(rows.map((row) => [String(row.key), String(row.value)]));

/** Reads on a connection that is not better-sqlite3's: `query` runs a statement with its parameters. */
export function sqliteReadsThrough(query: (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>, table: string): SqliteReads {
  const sql = readSql(table);
  return {
    many: async (fullKeys) => byKey((await query(sql.many, JSON.stringify(fullKeys))) as { key: unknown; value: unknown }[]),
    range: async (from, to) => byKey((await query(sql.range, from, to)) as { key: unknown; value: unknown }[]),
  };
}

/**
 * A read-only connection of its own to the store's SQLite file, reading on the event loop's
 * thread through prepared statements. Keyv's adapter (sqlite3) prepares every query afresh
 * and hands it to a worker thread and back; under load that cost a read about 0.25 ms of CPU,
 * half as much again as the rest of an interaction, where this read takes microseconds (see the
 * README's Performance). WAL lets this connection read while Keyv's connection writes, and each
 * read sees every committed write.
 */
export function openSqliteReader(path: string, table: string): SqliteReader {
  const db = new Database(path, { fileMustExist: true, timeout: readerBusyTimeoutMs });
  db.pragma('query_only = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection. Key lookups touch a few
  // pages each, and the OS caches the file anyway: 256 KB keeps the B-tree's upper levels and the
  // bot's RSS down.
  db.pragma('cache_size = -256');
  type Row = { key: string; value: string };
  const sql = readSql(table);
  const one = db.prepare<[string], Row>(sql.one);
  const many = db.prepare<[string], Row>(sql.many);
  const range = db.prepare<[string, string], Row>(sql.range);
  return {
    // One key is the commonest read (a schedule, a claim); it needs no JSON.
    many: (fullKeys) => byKey(fullKeys.length === 1 ? one.all(fullKeys[0]!) : many.all(JSON.stringify(fullKeys))),
    range: (from, to) => byKey(range.all(from, to)),
    close: () => db.close(),
  };
}
