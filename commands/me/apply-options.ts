import type { ChatInputCommandInteraction } from 'discord.js';
import { everyDay, weekdaysOnly } from '../../src/store/schedule-values.ts';
import type { LearnerSettings, ReminderSetting } from '../../src/store/values.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { isValidTimeZone } from '../../src/util/time.ts';
import { canonicalTimeZone } from '../../src/util/time-zones.ts';

/** The time zone option's value that goes back to the server's zone. */
export const serverZone = 'server';
export const weekendsOnly = [0, 6];
const dayChoices: Record<string, number[]> = { 'every-day': everyDay, weekdays: weekdaysOnly, weekends: weekendsOnly };

type Change = (current: LearnerSettings) => LearnerSettings;
const noChange = Symbol('no change');

function readTimeZone(typed: string | null): string | undefined | typeof noChange {
  if (typed === null) return noChange;
  const zone = typed.trim();
  if (zone.toLowerCase() === serverZone) return undefined;
  if (isValidTimeZone(zone)) return canonicalTimeZone(zone);
  throw new UserError(`“${zone.slice(0, 60)}” is not a time zone. Pick one from the list, such as Asia/Tokyo or America/Chicago. Nothing was saved.`);
}

function readReminderTime(typed: string | null): string | undefined {
  if (typed === null) return undefined;
  const match = /^(\d{1,2}):(\d{2})$/.exec(typed.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59)
    throw new UserError(`“${typed.slice(0, 20)}” is not a time. Use 24-hour HH:MM, such as 07:30 or 19:00. Nothing was saved.`);
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/**
 * The change /me's options ask for, or undefined when none was given. Every problem is an error
 * before anything is saved. `zoneInUse` is the zone reminders take for a learner with none of their own.
 */
export function settingsChange(interaction: ChatInputCommandInteraction, zoneInUse: string): Change | undefined {
  const options = interaction.options;
  const timeZone = readTimeZone(options.getString('timezone'));
  const leaderboard = options.getBoolean('leaderboard');
  const time = readReminderTime(options.getString('reminder-time'));
  const days = options.getString('reminder-days');
  const on = options.getBoolean('reminders');
  const warning = options.getInteger('streak-warning');
  if (timeZone === noChange && leaderboard === null && time === undefined && days === null && on === null && warning === null) return undefined;
  return (current) => {
    const next: LearnerSettings = { ...current };
    if (timeZone !== noChange) next.timeZone = timeZone;
    if (leaderboard !== null) next.hiddenFromLeaderboard = !leaderboard;
    if (time !== undefined || days !== null || on !== null) next.reminder = reminderOf(current.reminder, time, days, on);
    if (warning !== null) next.streakWarningHours = warning === 0 ? undefined : warning;
    if ((next.reminder?.on || next.streakWarningHours) && !current.reminder?.on && !current.streakWarningHours) {
      delete next.dmsClosedAt;
      delete next.dmsClosedUntold;
    }
    if (!next.timeZone && (next.reminder || next.streakWarningHours)) next.reminderTimeZone = current.reminderTimeZone ?? zoneInUse;
    else delete next.reminderTimeZone;
    return next;
  };
}

function reminderOf(
  current: ReminderSetting | undefined,
  time: string | undefined,
  days: string | null,
  on: boolean | null,
): ReminderSetting | undefined {
  const chosenTime = time ?? current?.time;
  if (!chosenTime) {
    if (on === false) return undefined;
    throw new UserError('Choose when to be reminded too, for example `/me reminder-time:19:00`. Nothing was saved.');
  }
  return { time: chosenTime, weekdays: days ? dayChoices[days]! : (current?.weekdays ?? everyDay), on: on ?? true };
}
