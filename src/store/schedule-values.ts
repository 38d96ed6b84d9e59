import * as z from 'zod';
import { isValidTimeZone } from '../util/time.ts';

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00 or 18:30');
export const everyDay = [0, 1, 2, 3, 4, 5, 6];
export const weekdaysOnly = [1, 2, 3, 4, 5];
/** Days of the week, 0 = Sunday; at least one. */
export const weekdaysValue = z.array(z.number().int().min(0).max(6)).min(1);

/** A server's lesson-of-the-day schedule, as /schedule set stores it. */
export const scheduleConfig = z.object({
  channelId: z.string().regex(/^\d{17,20}$/),
  time: timeOfDay,
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
  /** Days of the week on which a lesson is posted. */
  weekdays: weekdaysValue,
  paused: z.boolean(),
});

export type ScheduleConfig = z.infer<typeof scheduleConfig>;

/** Where the group is in the course: the next lesson to post, or finished. */
export const pointerValue = z.union([z.object({ nextLessonId: z.string() }), z.object({ finished: z.literal(true) })]);

/**
 * One server's post for one local date. `claimed` is written atomically before sending;
 * `sent` and `failed` end the day; `retry` waits for `nextAttemptAt` after a passing error.
 */
export const dailyPostValue = z.object({
  state: z.enum(['claimed', 'sent', 'failed', 'retry']),
  token: z.string(),
  claimedAt: z.number(),
  lessonId: z.string().nullable(),
  channelId: z.string(),
  messageId: z.string().optional(),
  attempts: z.number().int().nonnegative().default(0),
  nextAttemptAt: z.number().optional(),
  error: z.string().optional(),
  /** The process that holds the claim, so another process on the same machine can tell it has died. */
  claimant: z.object({ host: z.string(), pid: z.number().int() }).optional(),
});

export const lastPostValue = z.object({
  date: z.string(),
  lessonId: z.string().nullable(),
  channelId: z.string(),
  messageId: z.string(),
  at: z.number(),
});
export const lastErrorValue = z.object({ at: z.number(), message: z.string() });

export type Pointer = z.infer<typeof pointerValue>;
export type DailyPost = z.infer<typeof dailyPostValue>;
export type LastPost = z.infer<typeof lastPostValue>;
export type LastError = z.infer<typeof lastErrorValue>;
