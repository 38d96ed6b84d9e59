import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { keyvWrites, createKeyv, storeNamespace } from './envelope.ts';
import { prefixUpperBound } from './key-prefix.ts';
import { openSqliteReader, sqliteReadsThrough, type SqliteReads } from './sqlite-reader.ts';
import type { StoreBackend } from './store-backend.ts';
import { storeOpenError } from './store-error.ts';

type Query = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * SQLite through @keyv/sqlite, on the adapter's own connection. Conditional writes are single
 * statements with RETURNING, so the row count says who won; SQLite runs one writer at a time.
 */
export async function openSqlite(url: string): Promise<StoreBackend> {
  const path = url.replace(/^sqlite:\/\//, '');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  // busyTimeout lets several processes on one file wait for each other instead of failing.
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
  const query = adapter.query as Query;
  const table = String(adapter.opts.table);
  const fullKey = (key: string) => `${storeNamespace}:${key}`;
  let reads: SqliteReads;
  let closeReader = () => {};
  try {
    await query('PRAGMA journal_mode=WAL');
    await query('PRAGMA synchronous=NORMAL');
    await query('PRAGMA cache_size=-256'); // as the reader's: see sqlite-reader.ts
    if (path === ':memory:') {
      // A second connection would open a database of its own; read on the adapter's.
      reads = sqliteReadsThrough(query, table);
    } else {
      const reader = openSqliteReader(path, table);
      reads = reader;
      closeReader = reader.close;
    }
  } catch (error) {
    throw storeOpenError(url, error);
  }
  const keyv = createKeyv(adapter);
  return {
    ...keyvWrites(keyv),
    async readMany(keys) {
      const found = await reads.many(keys.map(fullKey));
      return keys.map((key) => found.get(fullKey(key)));
    },
    async readUnder(prefix, names) {
      // The keys under a prefix lie together in the primary key's index: one short walk, no list of keys to look up.
      const from = fullKey(prefix);
      const found = await reads.range(from, prefixUpperBound(from));
      // By the rest of the key: the few rows found are cut, rather than a key built for every name asked for.
      const byName = new Map<string, string>();
      for (const [key, value] of found) byName.set(key.slice(from.length), value);
      return names.map((name) => byName.get(name));
    },
    async insertIfAbsent(key, raw) {
      const rows = await query(`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`, fullKey(key), raw);
      return rows.length === 1;
    },
    async replaceIfEqual(key, expected, next) {
      const rows = await query(`UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`, next, fullKey(key), expected);
      return rows.length === 1;
    },
    async reserveSlot(key, intervalMs) {
      // Every process of a SQLite store runs on this machine, so its clock is the store's clock.
      const rows = await query(
        `INSERT INTO ${table} (key, value) VALUES (?1, ?2 + ?3) ON CONFLICT(key) DO UPDATE SET value = MAX(CAST(value AS REAL), ?2) + ?3 RETURNING CAST(value AS REAL) - ?3 - ?2 AS wait`,
        fullKey(key),
        Date.now(),
        intervalMs,
      );
      return Number(rows[0]?.wait ?? 0);
    },
    async addToCount(key, amount) {
      await query(
        `INSERT INTO ${table} (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?2`,
        fullKey(key),
        amount,
      );
    },
    async listKeys(prefix) {
      // A range over the primary key uses its index; SQLite compares keys bytewise.
      const full = fullKey(prefix);
      const rows = await query(`SELECT key FROM ${table} WHERE key >= ? AND key < ? ORDER BY key`, full, prefixUpperBound(full));
      return rows.map((row) => String(row.key).slice(fullKey('').length));
    },
    async close() {
      closeReader();
      await keyv.disconnect();
    },
  };
}
