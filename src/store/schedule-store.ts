import type * as z from 'zod';
import type { Log } from '../util/log.ts';
import { claimKey, replaceIf } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidByPrefix, readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import {
  dailyPostValue,
  scheduleConfig,
  type ScheduleConfig,
  lastErrorValue,
  lastPostValue,
  pointerValue,
  type DailyPost,
  type LastError,
  type LastPost,
  type Pointer,
} from './schedule-values.ts';

export interface ScheduleStore {
  get(guildId: string): Promise<ScheduleConfig | undefined>;
  set(guildId: string, config: ScheduleConfig): Promise<void>;
  /** Every server's own schedule. */
  list(): Promise<Map<string, ScheduleConfig>>;
  getPointer(guildId: string): Promise<Pointer | undefined>;
  setPointer(guildId: string, pointer: Pointer): Promise<void>;
  getPost(guildId: string, date: string): Promise<DailyPost | undefined>;
  setPost(guildId: string, date: string, post: DailyPost): Promise<void>;
  /** Stores the post record only if none exists for that server and date, atomically; true if this one won. */
  claimPost(guildId: string, date: string, post: DailyPost): Promise<boolean>;
  /**
   * Replaces the post record with `next` only if it still equals `expected` (as `getPost` returned it),
   * atomically; true if this one won. For taking over a stale claim or a due retry: of several
   * processes taking over the same record, exactly one gets true.
   */
  takeOverPost(guildId: string, date: string, expected: DailyPost, next: DailyPost): Promise<boolean>;
  getLastPost(guildId: string): Promise<LastPost | undefined>;
  setLastPost(guildId: string, post: LastPost): Promise<void>;
  getLastError(guildId: string): Promise<LastError | undefined>;
  setLastError(guildId: string, error: LastError | undefined): Promise<void>;
}

export function createScheduleStore(backend: StoreBackend, log: Log): ScheduleStore {
  const read = async <T>(schema: z.ZodType<T>, key: string) => (await readValidMany(backend, schema, [key], log))[0];
  const write = (key: string, value: unknown) => backend.write(key, value);
  return {
    get: (guildId) => read(scheduleConfig, storeKeys.schedule(guildId)),
    set: (guildId, config) => write(storeKeys.schedule(guildId), config),
    list: () => readValidByPrefix(backend, scheduleConfig, storeKeys.schedulePrefix, log),
    getPointer: (guildId) => read(pointerValue, storeKeys.pointer(guildId)),
    setPointer: (guildId, pointer) => write(storeKeys.pointer(guildId), pointer),
    getPost: (guildId, date) => read(dailyPostValue, storeKeys.dailyPost(guildId, date)),
    setPost: (guildId, date, post) => write(storeKeys.dailyPost(guildId, date), post),
    claimPost: (guildId, date, post) => claimKey(backend, storeKeys.dailyPost(guildId, date), post),
    takeOverPost: (guildId, date, expected, next) => replaceIf(backend, storeKeys.dailyPost(guildId, date), dailyPostValue, expected, next),
    getLastPost: (guildId) => read(lastPostValue, storeKeys.lastPost(guildId)),
    setLastPost: (guildId, post) => write(storeKeys.lastPost(guildId), post),
    getLastError: (guildId) => read(lastErrorValue, storeKeys.lastError(guildId)),
    async setLastError(guildId, error) {
      if (error) await write(storeKeys.lastError(guildId), error);
      else await backend.remove([storeKeys.lastError(guildId)]);
    },
  };
}
