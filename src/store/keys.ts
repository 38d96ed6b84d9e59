/**
 * Every fact is its own key, so a write never depends on a read:
 * marking a lesson done is one `set` of `completion:<user>:<lesson>`, undoing it one `delete`.
 * There is no read-modify-write of a shared value, so concurrent clicks (in one process or
 * many) cannot overwrite each other's work — Keyv needs no transaction for this.
 */
export const storeKeys = {
  schemaVersion: 'meta:schema-version',
  completionPrefix: (userId: string) => `completion:${userId}:`,
  completion: (userId: string, lessonId: string) => `completion:${userId}:${lessonId}`,
  /** A learner's review schedule of one quiz question: one key each, so answers from two devices never overwrite each other. */
  reviewPrefix: (userId: string) => `review:${userId}:`,
  review: (userId: string, questionId: string) => `review:${userId}:${questionId}`,
  quizBestPrefix: (userId: string) => `quiz-best:${userId}:`,
  quizBest: (userId: string, lessonId: string) => `quiz-best:${userId}:${lessonId}`,
  /** A learner's own settings (time zone, leaderboard): one value, changed by compare-and-set. */
  learnerSettings: (userId: string) => `learner:${userId}`,
  /**
   * The reminder index: one key per learner and reminder kind, under the local time it is due
   * (HHMM), so each minute reads only the reminders due then: `reminder-at:<HHMM>:<kind>:<zone>:<user>`.
   */
  reminderAtPrefix: (hhmm: string) => `reminder-at:${hhmm}:`,
  reminderAt: (hhmm: string, kind: string, timeZone: string, userId: string) => `reminder-at:${hhmm}:${kind}:${timeZone}:${userId}`,
  /** The last local date a learner's reminder of one kind was claimed for: one key per learner and kind, moved on by compare-and-set. */
  reminderSent: (kind: string, userId: string) => `reminded:${kind}:${userId}`,
  dmChannel: (userId: string) => `dm-channel:${userId}`,
  rosterPrefix: (guildId: string) => `roster:${guildId}:`,
  rosterEntry: (guildId: string, userId: string) => `roster:${guildId}:${userId}`,
  schedulePrefix: 'schedule:',
  schedule: (guildId: string) => `schedule:${guildId}`,
  pointer: (guildId: string) => `pointer:${guildId}`,
  /** The claim on one server's post for one local date: claimed once, then changed by its owner or taken over by compare-and-set. */
  dailyPost: (guildId: string, date: string) => `post:${guildId}:${date}`,
  lastPost: (guildId: string) => `last-post:${guildId}`,
  lastError: (guildId: string) => `last-error:${guildId}`,
  /** The role a server gives for one milestone (a part's id, or '@course'). */
  milestoneRole: (guildId: string, milestone: string) => `milestone-role:${guildId}:${milestone}`,
  milestoneFailure: (guildId: string, milestone: string) => `milestone-failure:${guildId}:${milestone}`,
  /** That a learner was given a milestone's role in a server: claimed once, before the request (a new role for the milestone is a new key). */
  milestoneGiven: (guildId: string, userId: string, milestone: string, roleId: string) =>
    `milestone-given:${guildId}:${userId}:${milestone}:${roleId}`,
  recapConfigPrefix: 'recap-config:',
  recapConfig: (guildId: string) => `recap-config:${guildId}`,
  /** The claim on one server's weekly recap of one ISO week (2026-W20): claimed once, then ended by its owner. */
  recapWeek: (guildId: string, week: string) => `recap:${guildId}:${week}`,
  lastRecap: (guildId: string) => `last-recap:${guildId}`,
  /**
   * A server's audit log of progress corrections: one key per entry, named so that the keys sort
   * by time (milliseconds, zero-padded), then by the writing store's own count for entries of the
   * same millisecond: `audit:<server>:<time>:<count>:<member>:<nonce>`.
   */
  auditPrefix: (guildId: string) => `audit:${guildId}:`,
  auditEntry: (guildId: string, at: number, count: number, memberId: string, nonce: string) =>
    `audit:${guildId}:${String(at).padStart(15, '0')}:${String(count).padStart(10, '0')}:${memberId}:${nonce}`,
  /** The latest correction of a learner's progress (any server's). */
  adjustment: (userId: string) => `adjusted:${userId}`,
  /** A reset waiting for its organiser's confirmation. */
  pendingReset: (guildId: string, actorId: string, memberId: string) => `pending-reset:${guildId}:${actorId}:${memberId}`,
  /** The end of the bot's shared schedule of REST send slots (the global budget): a number, not a Keyv envelope. */
  restSlots: 'rest:slots',
  /** How many of the bot's requests Discord answered 401, 403 or 429 in one minute (minutes since the epoch): a number. */
  invalidRequests: (minute: number) => `rest:invalid:${minute}`,
} as const;
