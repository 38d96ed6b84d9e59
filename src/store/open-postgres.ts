import pg, { type Pool } from 'pg';
import { keyvWrites, createKeyv, storeNamespace } from './envelope.ts';
import { likePrefixPattern } from './key-prefix.ts';
import { postgresAdapter } from './postgres-adapter.ts';
import type { StoreBackend } from './store-backend.ts';
import { storeOpenError } from './store-error.ts';

/** @keyv/postgres's table (key VARCHAR(255) PRIMARY KEY, value TEXT) in its default schema. */
const table = 'keyv';
const qualifiedTable = `public.${table}`;

/**
 * The primary key's index serves LIKE 'prefix%' only under the C collation; a pattern_ops index
 * serves it under any. Created once; a second process creating it at the same moment, or a role
 * that may not create it, leaves listing correct, only slower.
 */
async function ensurePrefixIndex(pool: Pool) {
  const index = `${table}_key_prefix`;
  if ((await pool.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', ['public', index])).rows.length > 0) return;
  try {
    await pool.query(`CREATE INDEX IF NOT EXISTS ${index} ON ${qualifiedTable} (key varchar_pattern_ops)`);
  } catch (error) {
    if (!['23505', '42P07', '42501'].includes((error as { code?: string }).code ?? '')) throw error;
  }
}

/** A stored number as float8; text that is not one (a damaged row) counts as 0 rather than failing the statement. */
const numberIn = (column: string) => `(CASE WHEN ${column} ~ '^[0-9]+(\\.[0-9]+)?$' THEN ${column}::float8 ELSE 0 END)`;

/**
 * PostgreSQL through @keyv/postgres on the store's own pool. Conditional writes are single
 * statements with RETURNING: INSERT … ON CONFLICT DO NOTHING, and UPDATE … WHERE value = the
 * expected value (the row lock makes a second UPDATE re-check the value the first one wrote).
 */
export async function openPostgres(url: string): Promise<StoreBackend> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'study-companion' });
  const adapter = postgresAdapter(pool, { uri: url, table });
  const keyv = createKeyv(adapter);
  try {
    await adapter.query('SELECT 1'); // after the adapter's CREATE TABLE
    await ensurePrefixIndex(pool);
  } catch (error) {
    await pool.end();
    throw storeOpenError(url, error);
  }
  const fullKey = (key: string) => `${storeNamespace}:${key}`;
  const rows = async (sql: string, ...values: unknown[]) => (await pool.query(sql, values)).rows;
  const readMany = async (keys: readonly string[]): Promise<(string | undefined)[]> => {
    // A named statement is parsed and planned once per connection.
    const found = await pool.query({
      name: 'study-read-many',
      text: `SELECT key, value FROM ${qualifiedTable} WHERE key = ANY($1)`,
      values: [keys.map(fullKey)],
    });
    const byKey = new Map(found.rows.map((row) => [String(row.key), String(row.value)]));
    return keys.map((key) => byKey.get(fullKey(key)));
  };
  return {
    ...keyvWrites(keyv),
    readMany,
    readUnder: (prefix, names) => readMany(names.map((name) => prefix + name)),
    async insertIfAbsent(key, raw) {
      return (
        (await rows(`INSERT INTO ${qualifiedTable} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, fullKey(key), raw))
          .length === 1
      );
    },
    async replaceIfEqual(key, expected, next) {
      return (
        (await rows(`UPDATE ${qualifiedTable} SET value = $3 WHERE key = $1 AND value = $2 RETURNING key`, fullKey(key), expected, next)).length === 1
      );
    },
    async reserveSlot(key, intervalMs) {
      // The server's clock, read after the row lock is taken, so waiting for another process's reservation is not counted twice.
      const now = `extract(epoch FROM clock_timestamp()) * 1000`;
      const found = await rows(
        `INSERT INTO ${qualifiedTable} AS slot (key, value) VALUES ($1, (${now} + $2)::text)
         ON CONFLICT (key) DO UPDATE SET value = (GREATEST(${numberIn('slot.value')}, ${now}) + $2)::text
         RETURNING slot.value::float8 - $2 - ${now} AS wait`,
        fullKey(key),
        intervalMs,
      );
      return Math.max(0, Number(found[0]?.wait ?? 0));
    },
    async addToCount(key, amount) {
      await rows(
        `INSERT INTO ${qualifiedTable} AS count (key, value) VALUES ($1, $2::bigint::text) ON CONFLICT (key) DO UPDATE SET value = (${numberIn('count.value')}::bigint + $2::bigint)::text`,
        fullKey(key),
        amount,
      );
    },
    async listKeys(prefix) {
      const found = await rows(`SELECT key FROM ${qualifiedTable} WHERE key LIKE $1`, likePrefixPattern(fullKey(prefix)));
      return found.map((row) => String(row.key).slice(fullKey('').length)).sort();
    },
    close: () => keyv.disconnect(),
  };
}
