import * as z from 'zod';
import { timeOfDay, weekdaysValue } from './schedule-values.ts';

/** Values as stored. Each is validated when read; a value that fails is logged and treated as absent. */
export const completionValue = z.object({ completedAt: z.number().int().nonnegative() });
export const schemaVersionValue = z.object({ version: z.number().int().positive() });

/** A learner's review schedule for one quiz question (Leitner box 1 to 4, due on a local calendar date). */
export const reviewValue = z.object({
  box: z.number().int().min(1).max(4),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  right: z.boolean(),
  answeredAt: z.number().int().nonnegative(),
  /** The quiz or review message the last answer came from: a second click there is not graded again. */
  attemptId: z.string().max(32).optional(),
});
export type ReviewValue = z.infer<typeof reviewValue>;

/** A learner's best score in one lesson's quiz. */
export const quizBestValue = z.object({ score: z.number().int().nonnegative(), of: z.number().int().positive(), at: z.number().int().nonnegative() });
export type QuizBestValue = z.infer<typeof quizBestValue>;

/** A learner's daily reminder: a DM at `time` on `weekdays` (0 = Sunday) in `timeZone`, kept while switched off. */
export const reminderSetting = z.object({ time: timeOfDay, weekdays: weekdaysValue, on: z.boolean() });
export type ReminderSetting = z.infer<typeof reminderSetting>;

/** A learner's own settings, the same in every server and DM. Absent fields take the defaults (the server's zone, on the leaderboard, no reminders). */
export const learnerSettingsValue = z.object({
  timeZone: z.string().min(1).max(64).optional(),
  hiddenFromLeaderboard: z.boolean().optional(),
  reminder: reminderSetting.optional(),
  /** The "streak at risk" DM this many hours before local midnight, if set. */
  streakWarningHours: z.number().int().min(1).max(12).optional(),
  /** The zone reminders were set in, for a learner with none of their own (the server's at the time). */
  reminderTimeZone: z.string().min(1).max(64).optional(),
  /** When Discord refused a reminder DM (the learner's DMs are closed): reminders were switched off, and the learner is to be told. */
  dmsClosedAt: z.number().int().nonnegative().optional(),
  /** Set with dmsClosedAt until the learner has been told, after their next command. */
  dmsClosedUntold: z.boolean().optional(),
});
export type LearnerSettings = z.infer<typeof learnerSettingsValue>;

/** The last local date a learner's reminder was claimed for: each date is claimed once, by one process, and sent at most once. */
export const reminderClaimValue = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), at: z.number().int().nonnegative() });
/** The id of the DM channel with a learner, as Discord opened it. */
export const dmChannelValue = z.object({ channelId: z.string().regex(/^\d{17,20}$/) });

const userId = z.string().regex(/^\d{17,20}$/);

/** One organiser's correction of a member's progress, as the audit log keeps it. */
export const auditEntryValue = z.object({
  at: z.number().int().nonnegative(),
  actorId: userId,
  memberId: userId,
  action: z.enum(['done', 'not done', 'reset']),
  /** The lesson marked, for 'done' and 'not done'. */
  lessonId: z.string().optional(),
  /** For a reset: the lessons it cleared and when each had been completed, so it can be undone by hand. */
  cleared: z.array(z.object({ lessonId: z.string(), completedAt: z.number().int().nonnegative() })).optional(),
  reason: z.string().max(500),
});

/** The latest correction of a learner's progress, which their /progress notes. */
export const adjustmentValue = z.object({ at: z.number().int().nonnegative(), guildId: userId, actorId: userId });

/** A reset an organiser asked for and has not yet confirmed: its reason waits here for the confirmation button. */
export const pendingResetValue = z.object({
  at: z.number().int().nonnegative(),
  reason: z.string().max(500),
  request: z.string().regex(/^[0-9a-f]{16}$/),
});
export type AuditEntry = z.infer<typeof auditEntryValue>;
export type Adjustment = z.infer<typeof adjustmentValue>;
