import { ApplicationCommandOptionType as Option, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import type { Command } from '../src/interactions/handler.ts';
import { scheduleTimeZone } from '../src/queries/learner-today.ts';
import { nextReminderAt } from '../src/reminders/next-reminder.ts';
import { reminderSlots, reminderTimeZone } from '../src/reminders/reminder-slots.ts';
import { maxChoices, searchTimeZones } from '../src/ui/choices.ts';
import { reply } from '../src/ui/reply.ts';
import { settingsView, type ZoneInUse } from '../src/views/settings-view.ts';
import type { LearnerSettings } from '../src/store/values.ts';
import { serverZone, settingsChange } from './me/apply-options.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'me',
  description: 'Your own settings: time zone, reminders, leaderboard (no options: show them)',
  options: [
    {
      type: Option.String,
      name: 'timezone',
      description: 'Your IANA time zone for streaks, reviews and reminders, such as Asia/Tokyo (start typing)',
      autocomplete: true,
      max_length: 64,
    },
    {
      type: Option.String,
      name: 'reminder-time',
      description: 'A DM at this local time if you have not studied yet: HH:MM, such as 19:00',
      max_length: 5,
    },
    {
      type: Option.String,
      name: 'reminder-days',
      description: 'Which days to remind you',
      choices: [
        { name: 'every day', value: 'every-day' },
        { name: 'weekdays (Monday to Friday)', value: 'weekdays' },
        { name: 'weekends', value: 'weekends' },
      ],
    },
    { type: Option.Boolean, name: 'reminders', description: 'Switch the daily reminder on or off (its time and days are kept)' },
    {
      type: Option.Integer,
      name: 'streak-warning',
      description: 'A DM this many hours before your midnight if your streak is at risk (0: off)',
      min_value: 0,
      max_value: 12,
    },
    { type: Option.Boolean, name: 'leaderboard', description: 'Appear on the group leaderboard in /group' },
  ],
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { store, clock, lessonOfTheDay, defaultTimeZone }) {
    const schedule = interaction.guildId ? await lessonOfTheDay.scheduleOf(interaction.guildId) : undefined;
    const serverOrDefault: ZoneInUse = { timeZone: scheduleTimeZone(schedule, defaultTimeZone), source: schedule ? 'server' : 'default' };
    const change = settingsChange(interaction, serverOrDefault.timeZone);
    const userId = interaction.user.id;
    let before: LearnerSettings = {};
    const settings = change
      ? await store.learners.updateSettings(userId, (current) => change((before = current)))
      : (await store.learners.getSettings([userId]))[0]!;
    if (change) await store.reminders.reindex(userId, reminderSlots(before), reminderSlots(settings));
    const zone: ZoneInUse = settings.timeZone ? { timeZone: settings.timeZone, source: 'own' } : serverOrDefault;
    const remindersZone = reminderTimeZone(settings) ?? zone.timeZone;
    const nextReminder = settings.reminder?.on ? nextReminderAt(settings.reminder, remindersZone, clock.now()) : undefined;
    const view = settingsView(settings, zone, { timeZone: remindersZone, next: nextReminder }, clock.now(), change !== undefined);
    await reply(interaction, { embeds: [view] }, { ephemeral: true });
  },
  async autocomplete(interaction) {
    const typed = interaction.options.getFocused();
    const back = serverZone.startsWith(typed.trim().toLowerCase()) ? [{ name: 'Use the server’s time zone', value: serverZone }] : [];
    const zones = searchTimeZones(typed).map((zone) => ({ name: zone, value: zone }));
    await interaction.respond([...back, ...zones].slice(0, maxChoices));
  },
} satisfies Command;
