import type { LearnerSettings } from '../store/values.ts';

export type ReminderKind = 'daily' | 'streak';

/** One reminder a learner gets: its kind, the local time it is due (HHMM) and the zone of that time. */
export interface ReminderSlot {
  kind: ReminderKind;
  hhmm: string;
  timeZone: string;
}

/** The zone a learner's reminders follow: their own, else the one in use when they set reminders. */
export const reminderTimeZone = (settings: LearnerSettings) => settings.timeZone ?? settings.reminderTimeZone;

/** The reminders a learner's settings ask for: the daily one while on, and the streak warning hours before local midnight. */
export function reminderSlots(settings: LearnerSettings): ReminderSlot[] {
  const timeZone = reminderTimeZone(settings);
  if (!timeZone) return [];
  const slots: ReminderSlot[] = [];
  if (settings.reminder?.on) slots.push({ kind: 'daily', hhmm: settings.reminder.time.replace(':', ''), timeZone });
  if (settings.streakWarningHours) slots.push({ kind: 'streak', hhmm: `${String(24 - settings.streakWarningHours).padStart(2, '0')}00`, timeZone });
  return slots;
}

export const sameSlot = (a: ReminderSlot, b: { kind: string; hhmm: string; timeZone: string }) =>
  a.kind === b.kind && a.hhmm === b.hhmm && a.timeZone === b.timeZone;
