import type { ReminderSetting } from '../store/values.ts';
import { addDays, instantOfLocalTime, localTime, minutesOf } from '../util/time.ts';

/** When the daily reminder next comes: its time on the next of its weekdays, today included if the time is still ahead. */
export function nextReminderAt(reminder: ReminderSetting, timeZone: string, now: Date): Date {
  const today = localTime(now, timeZone);
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const weekday = (today.weekday + ahead) % 7;
    if (!reminder.weekdays.includes(weekday)) continue;
    const at = instantOfLocalTime(addDays(today.date, ahead), minutesOf(reminder.time), timeZone);
    if (at > now) return at;
  }
  return instantOfLocalTime(addDays(today.date, 7), minutesOf(reminder.time), timeZone);
}
