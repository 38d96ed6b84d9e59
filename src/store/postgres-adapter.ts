import KeyvPostgres from '@keyv/postgres';
import type { Pool } from 'pg';

/**
 * @keyv/postgres on a pool of the store's own. The adapter's own pool is one per module, shared
 * by every adapter with the same URL and ended by whichever disconnects first (ending another
 * store's pool and leaving a different URL's pool open). A pool per store keeps two stores in
 * one process on separate connections, as two processes would be, and lets each close alone.
 */
export function postgresAdapter(pool: Pool, options: { uri: string; table: string }): KeyvPostgres {
  const adapter = new (class extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    override async disconnect() {
      await pool.end();
    }
  })(options);
  // An idle connection that breaks (a server restart) is reported, not thrown at the process.
  pool.on('error', (error) => adapter.emit('error', error));
  return adapter;
}
