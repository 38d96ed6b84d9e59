import type { RecapRecord } from '../store/recap-values.ts';
import { claimantIsGone, thisProcess } from '../schedule/claimant.ts';
import type { Course } from '../course/course.ts';
import type { Clock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { PostSender } from '../schedule/post-sender.ts';

export interface RecapDeps {
  store: StudyStore;
  course: Course;
  clock: Clock;
  log: Log;
  sender: PostSender;
}

export type RecapOutcome = 'sent' | 'skipped' | 'failed' | 'already' | 'elsewhere' | 'later';

/**
 * A claim older than this with no outcome means its process died before it finished (sooner when it is
 * known to be gone). Generous: the send may wait in the bulk lane, and a taker must not post while it waits.
 */
const staleClaimMs = 30 * 60_000;

/** Why the week is not this process's to post now, if it is not. */
export function notOurs(existing: RecapRecord | undefined, now: number): RecapOutcome | undefined {
  if (!existing) return undefined;
  if (existing.state === 'sent' || existing.state === 'skipped' || existing.state === 'failed') return 'already';
  if (existing.state === 'retry') return (existing.nextAttemptAt ?? 0) > now ? 'later' : undefined;
  return now - existing.claimedAt < staleClaimMs && !claimantIsGone(existing.claimant) ? 'elsewhere' : undefined;
}

/** Takes the week: claims it when unclaimed, or takes over a due retry or a stale claim; of several processes exactly one gets it. */
export async function takeWeek({ store, clock }: RecapDeps, guildId: string, week: string): Promise<RecapRecord | RecapOutcome> {
  const now = clock.now().getTime();
  const existing = await store.recaps.getWeek(guildId, week);
  const refused = notOurs(existing, now);
  if (refused) return refused;
  const claim: RecapRecord = { state: 'claimed', claimedAt: now, claimant: thisProcess(), attempts: existing?.attempts ?? 0 };
  const won = existing ? await store.recaps.replaceWeek(guildId, week, existing, claim) : await store.recaps.claimWeek(guildId, week, claim);
  return won ? claim : 'elsewhere';
}

/** Ends (or defers) the week with its outcome, unless another process took the claim over meanwhile. */
export async function settle(deps: RecapDeps, guildId: string, week: string, claim: RecapRecord, next: RecapRecord): Promise<RecapOutcome> {
  if (!(await deps.store.recaps.replaceWeek(guildId, week, claim, next))) return 'elsewhere';
  await deps.store.recaps.setLast(guildId, { ...next, week });
  return next.state === 'retry' ? 'later' : (next.state as RecapOutcome);
}
