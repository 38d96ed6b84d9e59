import { createHash } from 'node:crypto';
import type { Course } from '../course/course.ts';
import type { Clock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { RecapRecord } from '../store/recap-values.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';
import type { PostSender } from '../schedule/post-sender.ts';
import { claimantIsGone, thisProcess } from '../schedule/claimant.ts';
import { describePostFailure } from '../schedule/post-messages.ts';
import { postedLessonIds, recapLearners } from '../queries/recap-learners.ts';
import { channelMessageBody } from '../ui/reply.ts';
import { weeklyRecapMessage } from '../views/weekly-recap.ts';
import { isQuietWeek, weeklyRecap } from '../progress/recap-facts.ts';
import type { RecapWeek } from '../progress/recap-week.ts';

export interface RecapDeps {
  store: StudyStore;
  course: Course;
  clock: Clock;
  log: Log;
  sender: PostSender;
}

export type RecapOutcome = 'sent' | 'skipped' | 'failed' | 'already' | 'elsewhere';

/** A claim older than this with no outcome means its process died before it finished (sooner when it is known to be gone). */
const staleClaimMs = 5 * 60_000;

/** The same for every attempt at one server's recap of one week, so Discord drops a repeat sent just before a process died. */
const recapNonce = (guildId: string, week: string) => createHash('sha256').update(`recap:${guildId}:${week}`).digest('base64url').slice(0, 25);

/** Takes the week: claims it when unclaimed, or takes over a stale claim; of several processes exactly one gets it. */
async function takeWeek({ store, clock }: RecapDeps, guildId: string, week: string): Promise<RecapRecord | RecapOutcome> {
  const now = clock.now().getTime();
  const claim: RecapRecord = { state: 'claimed', claimedAt: now, claimant: thisProcess() };
  const existing = await store.recaps.getWeek(guildId, week);
  if (!existing) return (await store.recaps.claimWeek(guildId, week, claim)) ? claim : 'elsewhere';
  if (existing.state !== 'claimed') return 'already';
  if (now - existing.claimedAt < staleClaimMs && !claimantIsGone(existing.claimant)) return 'elsewhere';
  return (await store.recaps.replaceWeek(guildId, week, existing, claim)) ? claim : 'elsewhere';
}

/** Ends the week with its outcome, unless another process took the claim over meanwhile. */
async function endWeek(deps: RecapDeps, guildId: string, week: string, claim: RecapRecord, outcome: RecapRecord): Promise<RecapOutcome> {
  if (!(await deps.store.recaps.replaceWeek(guildId, week, claim, outcome))) return 'elsewhere';
  await deps.store.recaps.setLast(guildId, { ...outcome, week });
  return outcome.state as RecapOutcome;
}

/** Posts one server's recap of one week at most once; a quiet week (nothing posted, nobody studied) is skipped. Never retried. */
export async function postRecap(deps: RecapDeps, guildId: string, week: RecapWeek, schedule: ScheduleConfig): Promise<RecapOutcome> {
  const claim = await takeWeek(deps, guildId, week.week);
  if (typeof claim === 'string') return claim;
  const { store, course, sender, log } = deps;
  const [posted, learners] = await Promise.all([postedLessonIds(store, guildId, week), recapLearners(store, course, guildId)]);
  const recap = weeklyRecap(course, week, schedule.timeZone, posted, learners);
  const channelId = schedule.channelId;
  if (isQuietWeek(recap)) {
    log.info({ guildId, week: week.week }, 'quiet week: no recap posted');
    return endWeek(deps, guildId, week.week, claim, { ...claim, state: 'skipped', channelId });
  }
  try {
    const body = { ...channelMessageBody(weeklyRecapMessage(course, recap)), nonce: recapNonce(guildId, week.week), enforce_nonce: true };
    const messageId = await sender.postMessage(channelId, body);
    log.info({ guildId, week: week.week, messageId, learners: recap.learners }, 'posted the weekly recap');
    return endWeek(deps, guildId, week.week, claim, { ...claim, state: 'sent', channelId, messageId });
  } catch (error) {
    const message = describePostFailure(error, channelId);
    log.warn({ guildId, week: week.week, channelId, reason: message, err: error }, 'weekly recap not posted');
    return endWeek(deps, guildId, week.week, claim, { ...claim, state: 'failed', channelId, error: message });
  }
}
