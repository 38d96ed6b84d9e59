import type { Log } from '../util/log.ts';
import { claimKey, replaceIf } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidByPrefix, readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { lastRecapValue, recapConfigValue, recapRecordValue, type LastRecap, type RecapConfig, type RecapRecord } from './recap-values.ts';

/** Servers' weekly recaps: when each is posted, and each week's claim. */
export interface RecapStore {
  get(guildId: string): Promise<RecapConfig | undefined>;
  /** Sets the server's recap, or switches it off with undefined. */
  set(guildId: string, config: RecapConfig | undefined): Promise<void>;
  /** Every server's recap that is on. */
  list(): Promise<Map<string, RecapConfig>>;
  getWeek(guildId: string, week: string): Promise<RecapRecord | undefined>;
  /** Stores the week's record only if there is none yet, atomically; true if this one won. */
  claimWeek(guildId: string, week: string, record: RecapRecord): Promise<boolean>;
  /** Replaces the week's record only if it still equals `expected`, atomically; true if this one won. */
  replaceWeek(guildId: string, week: string, expected: RecapRecord, next: RecapRecord): Promise<boolean>;
  getLast(guildId: string): Promise<LastRecap | undefined>;
  setLast(guildId: string, last: LastRecap): Promise<void>;
}

export function createRecapStore(backend: StoreBackend, log: Log): RecapStore {
  return {
    get: async (guildId) => (await readValidMany(backend, recapConfigValue, [storeKeys.recapConfig(guildId)], log))[0],
    async set(guildId, config) {
      if (config) await backend.write(storeKeys.recapConfig(guildId), recapConfigValue.parse(config));
      else await backend.remove([storeKeys.recapConfig(guildId)]);
    },
    list: () => readValidByPrefix(backend, recapConfigValue, storeKeys.recapConfigPrefix, log),
    getWeek: async (guildId, week) => (await readValidMany(backend, recapRecordValue, [storeKeys.recapWeek(guildId, week)], log))[0],
    claimWeek: (guildId, week, record) => claimKey(backend, storeKeys.recapWeek(guildId, week), record),
    replaceWeek: (guildId, week, expected, next) => replaceIf(backend, storeKeys.recapWeek(guildId, week), recapRecordValue, expected, next),
    getLast: async (guildId) => (await readValidMany(backend, lastRecapValue, [storeKeys.lastRecap(guildId)], log))[0],
    setLast: (guildId, last) => backend.write(storeKeys.lastRecap(guildId), last),
  };
}
