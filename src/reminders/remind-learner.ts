import type { Course } from '../course/course.ts';
import { getCompletions, nextLesson } from '../progress/completions.ts';
import { quizStanding } from '../progress/quiz-standing.ts';
import { streakOf } from '../progress/streak.ts';
import type { IndexedReminder } from '../store/reminder-store.ts';
import type { StudyStore } from '../store/study-store.ts';
import { channelMessageBody } from '../ui/reply.ts';
import type { Log } from '../util/log.ts';
import { addDays, startOfLocalDate } from '../util/time.ts';
import { dailyReminder, streakWarning } from '../views/reminder-message.ts';
import type { DmSender } from './dm-sender.ts';
import type { DueTimes } from './due-times.ts';
import { reminderSlots, sameSlot, type ReminderKind } from './reminder-slots.ts';

export interface RemindDeps {
  store: StudyStore;
  course: Course;
  log: Log;
  send: DmSender;
}

export type RemindOutcome = 'sent' | 'studied' | 'not-today' | 'no-streak' | 'claimed-elsewhere' | 'stale' | 'dms-closed';

/**
 * One due reminder: checked against the learner's settings as they are now (an index entry they
 * have since changed is dropped), skipped if they studied today, claimed for the local date so
 * that only one process sends it, then sent. Closed DMs switch the learner's reminders off.
 */
export async function remindLearner(deps: RemindDeps, entry: IndexedReminder, due: DueTimes, now: Date): Promise<RemindOutcome> {
  const { store, course, log } = deps;
  const [settings] = await store.learners.getSettings([entry.userId]);
  if (!reminderSlots(settings!).some((slot) => sameSlot(slot, entry))) {
    await store.reminders.reindex(entry.userId, [entry], []);
    return 'stale';
  }
  const kind = entry.kind as ReminderKind;
  if (kind === 'daily' && !settings!.reminder!.weekdays.includes(due.weekday)) return 'not-today';
  const completions = await getCompletions(store, course, entry.userId);
  const streak = streakOf(completions.values(), now, entry.timeZone);
  if (streak.studied.has(streak.today)) return 'studied';
  if (kind === 'streak' && streak.days === 0) return 'no-streak';
  if (!(await store.reminders.claim(kind, entry.userId, due.date, now))) return 'claimed-elsewhere';
  const { dueNow } = await quizStanding(store, course, entry.userId, due.date);
  const facts = {
    next: nextLesson(course, completions),
    reviewsDue: dueNow,
    streakDays: streak.days,
    freezes: streak.freezes,
    dayEnds: startOfLocalDate(addDays(due.date, 1), entry.timeZone),
  };
  const result = await deps.send(entry.userId, channelMessageBody(kind === 'daily' ? dailyReminder(facts) : streakWarning(facts)));
  if (result === 'sent') return 'sent';
  const after = await store.learners.updateSettings(entry.userId, (current) => ({
    ...current,
    reminder: current.reminder && { ...current.reminder, on: false },
    streakWarningHours: undefined,
    dmsClosedAt: now.getTime(),
    dmsClosedUntold: true,
  }));
  await store.reminders.reindex(entry.userId, reminderSlots(settings!), reminderSlots(after));
  log.info({ userId: entry.userId, kind }, 'reminders switched off: the learner does not accept DMs from the bot');
  return 'dms-closed';
}
