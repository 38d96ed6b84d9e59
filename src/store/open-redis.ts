import { createKeyv } from './envelope.ts';
import { globPrefixPattern } from './key-prefix.ts';
import { redisConnection } from './redis-connection.ts';
import type { StoreBackend } from './store-backend.ts';
import { storeOpenError } from './store-error.ts';

/** Compare-and-set in one server-side step: Redis runs a script with nothing else in between. */
const replaceIfEqualScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";

/**
 * Redis through @keyv/redis, on a client of the store's own. Keyv leaves the namespace to the
 * adapter ("study::key"), as @keyv/redis's createKeyv does. Claims are SET NX; compare-and-set a script.
 */
export async function openRedis(url: string): Promise<StoreBackend> {
  const { client, adapter, open, close } = redisConnection(url);
  const keyv = createKeyv(adapter, { useKeyPrefix: false });
  try {
    await open();
  } catch (error) {
    throw storeOpenError(url, error);
  }
  const fullKey = (key: string) => adapter.createKeyPrefix(key, adapter.namespace);
  return {
    keyv,
    readMany: async (keys) => (keys.length === 0 ? [] : (await client.mGet(keys.map(fullKey))).map((raw) => raw ?? undefined)),
    insertIfAbsent: async (key, raw) => (await client.set(fullKey(key), raw, { condition: 'NX' })) === 'OK',
    replaceIfEqual: async (key, expected, next) => (await client.eval(replaceIfEqualScript, { keys: [fullKey(key)], arguments: [expected, next] })) === 1,
    async listKeys(prefix) {
      const keys = new Set<string>(); // SCAN may return a key more than once
      let cursor = '0';
      do {
        const page = await client.scan(cursor, { MATCH: globPrefixPattern(fullKey(prefix)), COUNT: 1000 });
        cursor = String(page.cursor);
        for (const key of page.keys) keys.add(key.slice(fullKey('').length));
      } while (cursor !== '0');
      return [...keys].sort();
    },
    close,
  };
}
