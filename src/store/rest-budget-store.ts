import * as z from 'zod';
import type { Log } from '../util/log.ts';
import { storeKeys } from './keys.ts';
import type { StoreBackend } from './store-backend.ts';

/** What the bot's one REST budget keeps in the store, shared by every process and machine on it. */
export interface RestBudgetStore {
  /** Takes the next send slot, `intervalMs` after the last one taken; resolves with the ms to wait for it. */
  reserveSlot(intervalMs: number): Promise<number>;
  /** Adds to the count of 401, 403 and 429 answers in `minute` (minutes since the epoch). */
  addInvalidRequests(minute: number, count: number): Promise<void>;
  /** The counts of the `minutes` minutes up to and including `minute`, added up. */
  invalidRequestsIn(minute: number, minutes: number): Promise<number>;
  /** Deletes the counts of `minutes` minutes before `minute`, once they no longer matter. */
  forgetInvalidRequestsBefore(minute: number, minutes: number): Promise<void>;
}

const countValue = z.coerce.number().int().nonnegative();
const minutesBefore = (minute: number, minutes: number) => Array.from({ length: minutes }, (_, i) => minute - i);

export function createRestBudgetStore(backend: StoreBackend, log: Log): RestBudgetStore {
  return {
    reserveSlot: (intervalMs) => backend.reserveSlot(storeKeys.restSlots, intervalMs),
    addInvalidRequests: (minute, count) => backend.addToCount(storeKeys.invalidRequests(minute), count),
    async invalidRequestsIn(minute, minutes) {
      const keys = minutesBefore(minute, minutes).map(storeKeys.invalidRequests);
      const counts = await backend.readMany(keys);
      return counts.reduce<number>((sum, raw, i) => {
        if (raw === undefined) return sum;
        const count = countValue.safeParse(raw);
        if (!count.success) log.warn({ key: keys[i] }, 'ignoring a corrupt stored count');
        return sum + (count.success ? count.data : 0);
      }, 0);
    },
    async forgetInvalidRequestsBefore(minute, minutes) {
      await backend.remove(minutesBefore(minute - 1, minutes).map(storeKeys.invalidRequests));
    },
  };
}
