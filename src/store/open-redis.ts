import { keyvWrites, createKeyv } from './envelope.ts';
import { globPrefixPattern } from './key-prefix.ts';
import { redisConnection } from './redis-connection.ts';
import type { StoreBackend } from './store-backend.ts';
import { storeOpenError } from './store-error.ts';

/** Compare-and-set in one server-side step: Redis runs a script with nothing else in between. */
const replaceIfEqualScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";

/** The next slot of a shared schedule by the server's clock (TIME): one step, so concurrent reservations never share a slot. */
const reserveSlotScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') or 0, now)
redis.call('SET', KEYS[1], string.format('%.3f', slot + tonumber(ARGV[1])))
return string.format('%.3f', slot - now)`;

/** INCRBY, but a damaged value counts as 0 instead of failing. */
const addToCountScript =
  "local count = tonumber(redis.call('GET', KEYS[1]) or '0') or 0 redis.call('SET', KEYS[1], string.format('%d', count + tonumber(ARGV[1])))";

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
  const readMany = async (keys: readonly string[]) =>
    keys.length === 0 ? [] : (await client.mGet(keys.map(fullKey))).map((raw) => raw ?? undefined);
  return {
    ...keyvWrites(keyv),
    readMany,
    readUnder: (prefix, names) => readMany(names.map((name) => prefix + name)),
    insertIfAbsent: async (key, raw) => (await client.set(fullKey(key), raw, { condition: 'NX' })) === 'OK',
    replaceIfEqual: async (key, expected, next) =>
      (await client.eval(replaceIfEqualScript, { keys: [fullKey(key)], arguments: [expected, next] })) === 1,
    reserveSlot: async (key, intervalMs) => Number(await client.eval(reserveSlotScript, { keys: [fullKey(key)], arguments: [String(intervalMs)] })),
    addToCount: async (key, amount) => void (await client.eval(addToCountScript, { keys: [fullKey(key)], arguments: [String(amount)] })),
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
