import pLimit from 'p-limit';
import type { Log } from '../util/log.ts';
import { timeZoneNames } from '../util/time-zones.ts';
import { dueTimes, type DueTimes } from './due-times.ts';
import { remindLearner, type RemindDeps, type RemindOutcome } from './remind-learner.ts';

export interface ReminderRound extends RemindDeps {
  log: Log;
  /** Whether this process sends the learner's reminders: its shards' share of the bot's users. */
  servesUser(userId: string): boolean;
}

/** Learners decided on at once: their reads overlap, and enough of their DMs wait in the bulk lane to keep it full. */
const concurrentLearners = 64;

/**
 * Sends every reminder due in the minute that starts at `now`, in every time zone: each zone's
 * due local times (with a DST gap's skipped minutes) are read from the index, one key range per
 * local time, and each reminder is decided and sent by `remindLearner`. Resolves with a count
 * per outcome once the last DM has gone (at the bot's REST budget, that can take minutes).
 */
export async function sendDueReminders(round: ReminderRound, now: Date): Promise<Partial<Record<RemindOutcome | 'failed', number>>> {
  const dueByZone = new Map<string, DueTimes>();
  const dueIn = (timeZone: string) => dueByZone.get(timeZone) ?? dueByZone.set(timeZone, dueTimes(now, timeZone)).get(timeZone)!;
  const localTimes = new Set(timeZoneNames().flatMap((zone) => dueIn(zone).hhmms));
  const counts: Partial<Record<RemindOutcome | 'failed', number>> = {};
  const limit = pLimit(concurrentLearners);
  const work: Promise<void>[] = [];
  for (const hhmm of localTimes) {
    for (const entry of await round.store.reminders.listAt(hhmm)) {
      const due = dueIn(entry.timeZone);
      if (!due.hhmms.includes(hhmm) || !round.servesUser(entry.userId)) continue;
      work.push(
        limit(async () => {
          const outcome = await remindLearner(round, entry, due, now).catch((error: unknown) => {
            round.log.warn({ err: error, userId: entry.userId, kind: entry.kind }, 'reminder not sent');
            return 'failed' as const;
          });
          counts[outcome] = (counts[outcome] ?? 0) + 1;
        }),
      );
    }
  }
  await Promise.all(work);
  return counts;
}

/** After a start: the reminders of the last `minutes` minutes too, those a stopped or restarting process missed (each still at most once). */
export async function sendMissedReminders(round: ReminderRound, now: Date, minutes = 10) {
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let back = minutes; back >= 0; back -= 1) await sendDueReminders(round, new Date(minuteStart - back * 60_000));
}
