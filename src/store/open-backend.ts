import type { StoreBackend } from './store-backend.ts';
import { StoreError } from './store-error.ts';

/** Loaded on demand, so a SQLite bot never loads the PostgreSQL or Redis clients. */
const openers: Record<string, () => Promise<(url: string) => Promise<StoreBackend>>> = {
  'sqlite:': async () => (await import('./open-sqlite.ts')).openSqlite,
  'postgres:': async () => (await import('./open-postgres.ts')).openPostgres,
  'postgresql:': async () => (await import('./open-postgres.ts')).openPostgres,
  'redis:': async () => (await import('./open-redis.ts')).openRedis,
  'rediss:': async () => (await import('./open-redis.ts')).openRedis,
};

/** Opens the backend STORE_URL names by its scheme: sqlite://file, postgres://… or redis://…. */
export async function openBackend(url: string): Promise<StoreBackend> {
  const scheme = url.slice(0, url.indexOf(':') + 1);
  const opener = Object.hasOwn(openers, scheme) ? openers[scheme] : undefined;
  if (!opener) throw new StoreError(`STORE_URL scheme "${scheme}" is not supported: use sqlite://, postgres:// or redis://`);
  return (await opener())(url);
}
