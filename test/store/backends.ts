import { createClient } from '@keyv/redis';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { startPostgres, startRedis, type TestServer } from '../support/servers.ts';
import { tempStoreDir } from '../support/temp-store.ts';

/** One backend as the store contracts use it: started once per test file, an empty store per test. */
export interface BackendUnderTest {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A STORE_URL to an empty store. */
  freshStore(): Promise<string>;
  /** Stores `raw` as the stored text of `key`, past Keyv, as a damaged or hand-edited store would hold it. */
  writeRaw(url: string, key: string, raw: string): Promise<void>;
}

export function sqliteUnderTest(): BackendUnderTest {
  const temps: ReturnType<typeof tempStoreDir>[] = [];
  return {
    name: 'SQLite',
    start: async () => {},
    stop: async () => temps.splice(0).forEach((temp) => temp.remove()),
    async freshStore() {
      const temp = tempStoreDir();
      temps.push(temp);
      return temp.url;
    },
    writeRaw: (url, key, raw) =>
      new Promise((resolve, reject) => {
        const db = new sqlite3.Database(url.replace('sqlite://', ''));
        db.run('INSERT OR REPLACE INTO keyv (key, value) VALUES (?, ?)', [`study:${key}`, raw], (error) =>
          db.close(() => (error ? reject(error) : resolve())),
        );
      }),
  };
}

/** On PostgreSQL each test gets a database of its own on the file's server. */
export function postgresUnderTest(): BackendUnderTest {
  let server: TestServer;
  let databases = 0;
  const sql = async (url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL',
    start: async () => void (server = await startPostgres()),
    stop: () => server.stop(),
    async freshStore() {
      const database = `store_${++databases}`;
      await sql(server.url, `CREATE DATABASE ${database}`);
      return server.url.replace(/\/postgres$/, `/${database}`);
    },
    writeRaw: async (url, key, raw) =>
      void (await sql(url, 'INSERT INTO keyv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
        `study:${key}`,
        raw,
      ])),
  };
}

async function connectRedis(url: string) {
  const client = createClient({ url });
  await client.connect();
  return client;
}
type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

/** On Redis each test starts from an emptied server. */
export function redisUnderTest(): BackendUnderTest {
  let server: TestServer;
  const redis = async <T>(url: string, use: (client: RedisClient) => Promise<T>) => {
    const client = await connectRedis(url);
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  };
  return {
    name: 'Redis',
    start: async () => void (server = await startRedis()),
    stop: () => server.stop(),
    freshStore: async () => (await redis(server.url, (client) => client.flushAll()), server.url),
    writeRaw: async (url, key, raw) => void (await redis(url, (client) => client.set(`study::${key}`, raw))),
  };
}
