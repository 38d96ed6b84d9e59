import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Keyv's own envelope is JSON; a row that is not JSON comes back as its raw text so validation can reject it. */
function parseEnvelope(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    return { value: raw };
  }
}

export interface OpenedKeyv {
  keyv: Keyv;
  /** Present on SQLite: runs SQL on the adapter's own connection. */
  sqlite?: (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;
  tableName: string;
}

async function openSqlite(url: string): Promise<OpenedKeyv> {
  const path = url.replace(/^sqlite:\/\//, '');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  // busyTimeout lets several processes on one file wait for each other instead of failing.
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
  const query = adapter.query as (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;
  await query('PRAGMA journal_mode=WAL');
  await query('PRAGMA synchronous=NORMAL');
  return { keyv: new Keyv({ store: adapter, namespace: 'study', serialize: JSON.stringify, deserialize: parseEnvelope, throwOnErrors: true }), sqlite: query, tableName: String(adapter.opts.table) };
}

async function openByPackage(url: string, packageName: string): Promise<OpenedKeyv> {
  let adapterModule: { default: new (url: string) => Keyv['store'] };
  try {
    adapterModule = await import(packageName);
  } catch {
    throw new StoreError(`STORE_URL ${new URL(url).protocol}// needs the package ${packageName}: run npm install ${packageName}`);
  }
  const store = new adapterModule.default(url);
  return { keyv: new Keyv({ store, namespace: 'study', serialize: JSON.stringify, deserialize: parseEnvelope, throwOnErrors: true }), tableName: 'keyv' };
}

const adapterPackages: Record<string, string> = { 'postgres:': '@keyv/postgres', 'postgresql:': '@keyv/postgres', 'redis:': '@keyv/redis', 'rediss:': '@keyv/redis' };

/** Picks the Keyv adapter by the URL's scheme: sqlite:// by default, others when their package is installed. */
export async function openKeyv(url: string): Promise<OpenedKeyv> {
  if (url.startsWith('sqlite://')) return openSqlite(url);
  const scheme = url.slice(0, url.indexOf(':') + 1);
  const packageName = adapterPackages[scheme];
  if (!packageName) throw new StoreError(`STORE_URL scheme "${scheme}" is not supported: use sqlite://, postgres:// or redis://`);
  return openByPackage(url, packageName);
}
