import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../util/clock.ts';
import type { Course, Lesson } from '../course/course.ts';
import type { Log } from '../util/log.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';
import type { DailyPost } from '../store/schedule-values.ts';
import { backoffDelay } from '../util/backoff.ts';
import { claimantIsGone, thisProcess } from './claimant.ts';
import { courseFinishedMessage, discussionThreadName, lessonOfTheDayMessage } from '../views/lesson-post.ts';
import { channelMessageBody } from '../ui/reply.ts';
import { describePostFailure } from './post-messages.ts';
import { isPermanentFailure, type PostSender } from './post-sender.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';

export interface PosterDeps {
  schedules: ScheduleStore;
  course: Course;
  clock: Clock;
  log: Log;
  sender: PostSender;
}

export type PostOutcome =
  | { kind: 'sent'; record: DailyPost }
  | { kind: 'already'; record: DailyPost }
  | { kind: 'elsewhere' | 'later' | 'paused' }
  | { kind: 'failed'; message: string };

/**
 * The same for every attempt at one server's post of one date. Discord, told to enforce it,
 * answers a repeat within a few minutes with the first message instead of a second one:
 * the guard for a send that went through just before its process died.
 */
function dailyNonce(guildId: string, date: string): string {
  return createHash('sha256').update(`${guildId}:${date}`).digest('base64url').slice(0, 25);
}

/** A claim older than this with no result means its process died between claim and send (sooner when it is known to be gone). */
const staleClaimMs = 5 * 60_000;
const maxAttempts = 6;

/** The lesson the group is on: the pointer's lesson, the first lesson when unset or gone, null when finished. */
async function currentLesson({ schedules, course, log }: PosterDeps, guildId: string): Promise<Lesson | null> {
  const pointer = await schedules.getPointer(guildId);
  if (pointer && 'finished' in pointer) return null;
  const lesson = pointer ? course.lessonById(pointer.nextLessonId) : undefined;
  if (pointer && !lesson)
    log.warn({ guildId, lessonId: pointer.nextLessonId }, 'the group pointer names a lesson no longer in the course; starting from the first');
  return lesson ?? course.lessons[0] ?? null;
}

/** Takes the day: claims it atomically when unclaimed, or takes over a due retry or a stale claim, atomically. */
async function takeDay(deps: PosterDeps, guildId: string, date: string, schedule: ScheduleConfig): Promise<DailyPost | PostOutcome> {
  const now = deps.clock.now().getTime();
  const existing = await deps.schedules.getPost(guildId, date);
  if (existing?.state === 'sent' || existing?.state === 'failed') return { kind: 'already', record: existing };
  if (existing?.state === 'retry' && (existing.nextAttemptAt ?? 0) > now) return { kind: 'later' };
  if (existing?.state === 'claimed' && now - existing.claimedAt < staleClaimMs && !claimantIsGone(existing.claimant)) return { kind: 'elsewhere' };
  const lesson = existing ? undefined : await currentLesson(deps, guildId);
  const record: DailyPost = {
    ...(existing ?? { lessonId: lesson?.id ?? null, attempts: 0 }),
    state: 'claimed',
    token: randomUUID(),
    claimedAt: now,
    channelId: schedule.channelId,
    claimant: thisProcess(),
  };
  // Taking over is a compare-and-set too: of several processes that find the same stale record, one wins.
  const won = existing ? await deps.schedules.takeOverPost(guildId, date, existing, record) : await deps.schedules.claimPost(guildId, date, record);
  return won ? record : { kind: 'elsewhere' };
}

/**
 * This process was too slow: another took the day over in the meantime (see staleClaimMs).
 * That one owns the outcome; a message this one sent is deduplicated by the nonce.
 */
function lostTheDay({ log }: PosterDeps, guildId: string, date: string): PostOutcome {
  log.warn({ guildId, date }, 'another process took over this day’s post; leaving it to that one');
  return { kind: 'elsewhere' };
}

/** After a post: the pointer moves one lesson on; after the course-finished post the schedule pauses for a new round. */
async function advance(deps: PosterDeps, guildId: string, record: DailyPost, schedule: ScheduleConfig) {
  const { course, schedules } = deps;
  if (record.lessonId === null) {
    await schedules.setPointer(guildId, { nextLessonId: course.lessons[0]!.id });
    await schedules.set(guildId, { ...schedule, paused: true });
    return;
  }
  const next = course.lessons[(course.lessonById(record.lessonId)?.index ?? -1) + 1];
  await schedules.setPointer(guildId, next ? { nextLessonId: next.id } : { finished: true });
}

async function recordFailure(deps: PosterDeps, guildId: string, date: string, record: DailyPost, error: unknown): Promise<PostOutcome> {
  const now = deps.clock.now().getTime();
  const message = describePostFailure(error, record.channelId);
  const attempts = record.attempts + 1;
  const giveUp = isPermanentFailure(error) || attempts >= maxAttempts;
  const next: DailyPost = giveUp
    ? { ...record, state: 'failed', attempts, error: message }
    : { ...record, state: 'retry', attempts, error: message, nextAttemptAt: now + backoffDelay(attempts - 1, 60_000, 30 * 60_000) };
  if (!(await deps.schedules.takeOverPost(guildId, date, record, next))) return lostTheDay(deps, guildId, date);
  await deps.schedules.setLastError(guildId, { at: now, message });
  deps.log.warn({ guildId, date, channelId: record.channelId, attempts, giveUp, reason: message }, 'lesson of the day not posted');
  return giveUp ? { kind: 'failed', message } : { kind: 'later' };
}

/**
 * Posts one server's lesson of the day for one local date, at most once: the day is claimed
 * in the store before anything is sent, and the claim's state records how it ended.
 */
export async function postForDay(deps: PosterDeps, guildId: string, date: string, schedule: ScheduleConfig): Promise<PostOutcome> {
  const taken = await takeDay(deps, guildId, date, schedule);
  if ('kind' in taken) return taken;
  const { course, sender, schedules, log, clock } = deps;
  const lesson = taken.lessonId === null ? undefined : course.lessonById(taken.lessonId);
  let messageId: string;
  try {
    const message = lesson ? lessonOfTheDayMessage(course, lesson, date) : courseFinishedMessage(course);
    messageId = await sender.postMessage(taken.channelId, { ...channelMessageBody(message), nonce: dailyNonce(guildId, date), enforce_nonce: true });
  } catch (error) {
    return recordFailure(deps, guildId, date, taken, error);
  }
  const sent: DailyPost = { ...taken, state: 'sent', messageId, attempts: taken.attempts + 1 };
  if (!(await schedules.takeOverPost(guildId, date, taken, sent))) return lostTheDay(deps, guildId, date);
  await advance(deps, guildId, sent, schedule);
  await schedules.setLastPost(guildId, { date, lessonId: sent.lessonId, channelId: sent.channelId, messageId, at: clock.now().getTime() });
  await schedules.setLastError(guildId, undefined);
  log.info({ guildId, date, lesson: sent.lessonId, messageId }, 'posted the lesson of the day');
  if (lesson) {
    await sender
      .startThread(sent.channelId, messageId, discussionThreadName(lesson, date))
      .catch((error) => log.warn({ guildId, messageId, err: error }, 'could not start the discussion thread'));
  }
  return { kind: 'sent', record: sent };
}
