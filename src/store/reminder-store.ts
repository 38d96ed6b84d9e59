import type { Log } from '../util/log.ts';
import { claimKey, replaceIf } from './atomic-writes.ts';
import { encodeEnvelope, valueOfEnvelope } from './envelope.ts';
import { storeKeys } from './keys.ts';
import { readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { dmChannelValue, reminderClaimValue } from './values.ts';

/** A reminder as the index holds it. Kinds and zones are checked by the reader against the learner's settings. */
export interface IndexedReminder {
  kind: string;
  hhmm: string;
  timeZone: string;
  userId: string;
}

/** The reminder index, the claims that keep each reminder to one DM, and the learners' DM channels. */
export interface ReminderStore {
  /** Makes the index hold `after` for the learner instead of `before`. */
  reindex(userId: string, before: readonly Omit<IndexedReminder, 'userId'>[], after: readonly Omit<IndexedReminder, 'userId'>[]): Promise<void>;
  /** Every reminder indexed under the local time HHMM, in every zone. */
  listAt(hhmm: string): Promise<IndexedReminder[]>;
  /** Claims the learner's reminder of `kind` for the local date: true for the one caller that may send it. */
  claim(kind: string, userId: string, date: string, at: Date): Promise<boolean>;
  dmChannelOf(userId: string): Promise<string | undefined>;
  setDmChannel(userId: string, channelId: string): Promise<void>;
}

const keyOf = (userId: string, slot: Omit<IndexedReminder, 'userId'>) => storeKeys.reminderAt(slot.hhmm, slot.kind, slot.timeZone, userId);

export function createReminderStore(backend: StoreBackend, log: Log): ReminderStore {
  return {
    async reindex(userId, before, after) {
      const kept = new Set(after.map((slot) => keyOf(userId, slot)));
      const gone = before.map((slot) => keyOf(userId, slot)).filter((key) => !kept.has(key));
      if (gone.length > 0) await backend.remove(gone);
      for (const key of kept) await backend.write(key, { userId });
    },
    async listAt(hhmm) {
      const prefix = storeKeys.reminderAtPrefix(hhmm);
      return (await backend.listKeys(prefix)).flatMap((key) => {
        // <kind>:<zone>:<user>; zone names contain no colon.
        const match = /^([a-z]+):([^:]+):(\d{17,20})$/.exec(key.slice(prefix.length));
        return match ? [{ kind: match[1]!, hhmm, timeZone: match[2]!, userId: match[3]! }] : [];
      });
    },
    async claim(kind, userId, date, at) {
      const key = storeKeys.reminderSent(kind, userId);
      const read = async () => (await readValidMany(backend, reminderClaimValue, [key], log))[0];
      const last = await read();
      const next = { date, at: at.getTime() };
      if (last) return last.date < date && replaceIf(backend, key, reminderClaimValue, last, next);
      if (await claimKey(backend, key, next)) return true;
      // Taken, yet unreadable before: another process's claim reads back now; a corrupt value (logged by the read) is replaced, atomically.
      const [raw] = await backend.readMany([key]);
      if (raw === undefined || reminderClaimValue.safeParse(valueOfEnvelope(raw)).success) return false;
      return backend.replaceIfEqual(key, raw, encodeEnvelope(next));
    },
    async dmChannelOf(userId) {
      const [value] = await readValidMany(backend, dmChannelValue, [storeKeys.dmChannel(userId)], log);
      return value?.channelId;
    },
    setDmChannel: (userId, channelId) => backend.write(storeKeys.dmChannel(userId), { channelId }),
  };
}
