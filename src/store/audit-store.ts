import { randomBytes } from 'node:crypto';
import type { Log } from '../util/log.ts';
import { claimKey } from './atomic-writes.ts';
import { storeKeys } from './keys.ts';
import { readValidMany } from './read-valid.ts';
import type { StoreBackend } from './store-backend.ts';
import { adjustmentValue, auditEntryValue, pendingResetValue, type Adjustment, type AuditEntry } from './values.ts';

/** Corrections of learners' progress by a server's organisers: the audit log, the latest adjustment per learner, and resets awaiting confirmation. */
export interface AuditStore {
  /** Adds the entry to the server's log and notes it as the member's latest adjustment. */
  record(guildId: string, entry: AuditEntry): Promise<void>;
  /** The server's entries, newest first: `count` of them after skipping `skip`, and how many there are in all. */
  latest(guildId: string, skip: number, count: number): Promise<{ entries: AuditEntry[]; total: number }>;
  lastAdjustment(userId: string): Promise<Adjustment | undefined>;
  setPendingReset(guildId: string, actorId: string, memberId: string, reason: string, at: Date): Promise<void>;
  /** The pending reset's reason, removing it: only one confirmation can act on it. */
  takePendingReset(guildId: string, actorId: string, memberId: string): Promise<{ reason: string; at: number } | undefined>;
}

export function createAuditStore(backend: StoreBackend, log: Log): AuditStore {
  let written = 0;
  return {
    async record(guildId, entry) {
      const key = storeKeys.auditEntry(guildId, entry.at, written++, entry.memberId, randomBytes(4).toString('hex'));
      await backend.write(key, auditEntryValue.parse(entry));
      await backend.write(storeKeys.adjustment(entry.memberId), { at: entry.at, guildId, actorId: entry.actorId } satisfies Adjustment);
    },
    async latest(guildId, skip, count) {
      const keys = await backend.listKeys(storeKeys.auditPrefix(guildId));
      const page = keys.reverse().slice(skip, skip + count);
      const entries = await readValidMany(backend, auditEntryValue, page, log);
      return { entries: entries.filter((entry): entry is AuditEntry => entry !== undefined), total: keys.length };
    },
    async lastAdjustment(userId) {
      return (await readValidMany(backend, adjustmentValue, [storeKeys.adjustment(userId)], log))[0];
    },
    async setPendingReset(guildId, actorId, memberId, reason, at) {
      await backend.write(storeKeys.pendingReset(guildId, actorId, memberId), { at: at.getTime(), reason, request: randomBytes(8).toString('hex') });
    },
    async takePendingReset(guildId, actorId, memberId) {
      const key = storeKeys.pendingReset(guildId, actorId, memberId);
      const [pending] = await readValidMany(backend, pendingResetValue, [key], log);
      if (!pending) return undefined;
      // Taken by claiming a marker for this very request, atomically on every backend, so two clicks of Confirm reset once.
      if (!(await claimKey(backend, `${key}:taken:${pending.request}`, { at: pending.at }))) return undefined;
      await backend.remove([key]);
      return { reason: pending.reason, at: pending.at };
    },
  };
}
