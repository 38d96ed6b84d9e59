import * as z from 'zod';
import { timeOfDay } from './schedule-values.ts';

/** A server's weekly recap, as /schedule recap sets it: the weekday (0 = Sunday) and local time, in the schedule's time zone. */
export const recapConfigValue = z.object({ weekday: z.number().int().min(0).max(6), time: timeOfDay });
export type RecapConfig = z.infer<typeof recapConfigValue>;

/**
 * One server's recap of one week (ISO week, such as 2026-W20). `claimed` is written atomically
 * before anything is sent; `retry` waits for `nextAttemptAt` after a passing error; `sent`,
 * `skipped` (a week with nothing in it) and `failed` end the week.
 */
export const recapRecordValue = z.object({
  state: z.enum(['claimed', 'retry', 'sent', 'skipped', 'failed']),
  claimedAt: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative().default(0),
  nextAttemptAt: z.number().int().nonnegative().optional(),
  /** The process holding the claim, so another process on the same machine can tell it has died. */
  claimant: z.object({ host: z.string(), pid: z.number().int() }).optional(),
  channelId: z.string().optional(),
  messageId: z.string().optional(),
  error: z.string().optional(),
});
export type RecapRecord = z.infer<typeof recapRecordValue>;

/** The latest week's outcome, for /schedule show. */
export const lastRecapValue = recapRecordValue.extend({ week: z.string() });
export type LastRecap = z.infer<typeof lastRecapValue>;
