import { createHash } from 'node:crypto';
import { backoffDelay } from '../util/backoff.ts';
import type { RecapRecord } from '../store/recap-values.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';
import { isPermanentFailure } from '../schedule/post-sender.ts';
import { notOurs, settle, takeWeek, type RecapDeps, type RecapOutcome } from './recap-claim.ts';
import { describePostFailure } from '../schedule/post-messages.ts';
import { postedLessonIds, recapLearners } from '../queries/recap-learners.ts';
import { channelMessageBody } from '../ui/reply.ts';
import { weeklyRecapMessage } from '../views/weekly-recap.ts';
import { isQuietWeek, weeklyRecap, type WeeklyRecap } from '../progress/recap-facts.ts';
import type { RecapWeek } from '../progress/recap-week.ts';

const maxAttempts = 4;

/** The same for every attempt at one server's recap of one week, so Discord drops a repeat sent just before a process died. */
const recapNonce = (guildId: string, week: string) => createHash('sha256').update(`recap:${guildId}:${week}`).digest('base64url').slice(0, 25);

async function send(
  deps: RecapDeps,
  guildId: string,
  week: string,
  claim: RecapRecord,
  channelId: string,
  recap: WeeklyRecap,
): Promise<RecapOutcome> {
  const { sender, log, clock, course } = deps;
  const attempts = claim.attempts + 1;
  try {
    const body = { ...channelMessageBody(weeklyRecapMessage(course, recap)), nonce: recapNonce(guildId, week), enforce_nonce: true };
    const messageId = await sender.postMessage(channelId, body);
    log.info({ guildId, week, messageId, learners: recap.learners }, 'posted the weekly recap');
    return await settle(deps, guildId, week, claim, { ...claim, state: 'sent', attempts, channelId, messageId });
  } catch (error) {
    const message = describePostFailure(error, channelId);
    const giveUp = isPermanentFailure(error) || attempts >= maxAttempts;
    log.warn({ guildId, week, channelId, attempts, giveUp, reason: message, err: error }, 'weekly recap not posted');
    const nextAttemptAt = clock.now().getTime() + backoffDelay(attempts - 1, 60_000, 30 * 60_000);
    const next: RecapRecord = giveUp
      ? { ...claim, state: 'failed', attempts, channelId, error: message }
      : { ...claim, state: 'retry', attempts, channelId, error: message, nextAttemptAt };
    return settle(deps, guildId, week, claim, next);
  }
}

/**
 * Posts one server's recap of one week at most once. The week's facts are read first (a large server's
 * take a while), then the week is claimed and the message sent; a quiet week (nothing posted, nobody
 * studied) is skipped. A passing error is retried a few times with back-off; a refusal ends the week.
 */
export async function postRecap(deps: RecapDeps, guildId: string, week: RecapWeek, schedule: ScheduleConfig): Promise<RecapOutcome> {
  const { store, course, clock, log } = deps;
  const early = notOurs(await store.recaps.getWeek(guildId, week.week), clock.now().getTime());
  if (early) return early;
  const [posted, learners] = await Promise.all([postedLessonIds(store, guildId, week), recapLearners(store, course, guildId)]);
  const recap = weeklyRecap(course, week, posted, learners);
  const claim = await takeWeek(deps, guildId, week.week);
  if (typeof claim === 'string') return claim;
  if (!isQuietWeek(recap)) return send(deps, guildId, week.week, claim, schedule.channelId, recap);
  log.info({ guildId, week: week.week }, 'quiet week: no recap posted');
  return settle(deps, guildId, week.week, claim, { ...claim, state: 'skipped', channelId: schedule.channelId });
}
