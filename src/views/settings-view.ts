import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import { addDays, localDate, startOfLocalDate } from '../util/time.ts';

/** What the view shows of a learner's stored settings (src/store/values.ts). */
interface LearnerSettings {
  hiddenFromLeaderboard?: boolean | undefined;
  reminder?: { time: string; weekdays: number[]; on: boolean } | undefined;
  streakWarningHours?: number | undefined;
  dmsClosedAt?: number | undefined;
}

export interface ZoneInUse {
  timeZone: string;
  /** Where the zone comes from: the learner's own setting, this server's schedule, or the bot's default. */
  source: 'own' | 'server' | 'default';
}

const zoneSource = { own: 'yours', server: 'this server’s, since you set none', default: 'the bot’s default, since you set none' };
const dayNames: Record<string, string> = { '0,1,2,3,4,5,6': 'every day', '1,2,3,4,5': 'on weekdays', '0,6': 'at weekends' };
const stamp = (at: Date) => `${time(at, TimestampStyles.ShortTime)} (${time(at, TimestampStyles.RelativeTime)})`;

function reminderLines(settings: LearnerSettings, reminders: { timeZone: string; next?: Date | undefined }): string {
  const { reminder, streakWarningHours: hours } = settings;
  const daily = reminder
    ? `Daily: ${reminder.time} ${reminders.timeZone}, ${dayNames[[...reminder.weekdays].sort().join(',')] ?? 'on chosen days'}, ${reminder.on && reminders.next ? `next ${stamp(reminders.next)}` : 'switched off'}`
    : 'Daily: off (`/me reminder-time:19:00` sets one)';
  const warning = hours ? `Streak at risk: ${hours} ${hours === 1 ? 'hour' : 'hours'} before your midnight` : 'Streak at risk: off';
  const closed = settings.dmsClosedAt
    ? '\n⚠️ Your DMs did not accept the bot, so reminders were switched off. Allow DMs, then switch them on again.'
    : '';
  return `${daily}\n${warning}\nOnly on days you have not studied yet, by DM.${closed}`;
}

/** A learner's own settings, and when their study day ends (Discord timestamps, shown in each reader's local time). */
export function settingsView(
  settings: LearnerSettings,
  zone: ZoneInUse,
  reminders: { timeZone: string; next?: Date | undefined },
  now: Date,
  saved: boolean,
): APIEmbed {
  const dayEnds = startOfLocalDate(addDays(localDate(now, zone.timeZone), 1), zone.timeZone);
  return {
    title: saved ? 'Saved: your settings' : 'Your settings',
    description: 'The same in every server and DM. Change them with `/me` and its options.',
    fields: [
      { name: 'Time zone', value: `${zone.timeZone} (${zoneSource[zone.source]})`, inline: true },
      { name: 'Your study day ends', value: stamp(dayEnds), inline: true },
      { name: 'Reminders', value: reminderLines(settings, reminders) },
      {
        name: 'Group leaderboards',
        value: settings.hiddenFromLeaderboard ? 'Hidden: you are left out of `/group`' : 'Shown: you appear in `/group`',
        inline: true,
      },
    ],
  };
}
