import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ChannelType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forOrganisers } from '../src/interactions/command-reach.ts';
import { lessonChoiceName } from '../src/course/limits.ts';
import { searchLessons } from '../src/lessons/search-lessons.ts';
import { requireAdmin } from '../src/interactions/require-manage-server.ts';
import { scheduleJump, schedulePause, schedulePostNow } from './schedule/pause-post-jump.ts';
import { scheduleRecap, weekdayNames } from './schedule/recap.ts';
import { scheduleSet } from './schedule/set.ts';
import { scheduleShow } from './schedule/show.ts';
import { searchTimeZones } from '../src/ui/choices.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'schedule',
  description: 'Admins: the lesson of the day, posted to a channel at a set time',
  ...forOrganisers,
  options: [
    {
      type: Option.Subcommand,
      name: 'set',
      description: 'Set the channel, time, time zone and days (options left out keep their value)',
      options: [
        {
          type: Option.Channel,
          name: 'channel',
          description: 'Where the lesson of the day is posted',
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        { type: Option.String, name: 'time', description: '24-hour time, HH:MM, such as 09:00', min_length: 4, max_length: 5 },
        {
          type: Option.String,
          name: 'timezone',
          description: 'IANA time zone, such as Europe/Berlin (start typing)',
          autocomplete: true,
          max_length: 64,
        },
        {
          type: Option.String,
          name: 'days',
          description: 'Which days to post',
          choices: [
            { name: 'every day', value: 'every-day' },
            { name: 'weekdays (Monday to Friday)', value: 'weekdays' },
          ],
        },
      ],
    },
    { type: Option.Subcommand, name: 'show', description: 'The schedule, the next post time, the last post and the last error' },
    { type: Option.Subcommand, name: 'pause', description: 'Stop posting until resumed' },
    { type: Option.Subcommand, name: 'resume', description: 'Start posting again' },
    { type: Option.Subcommand, name: 'post-now', description: 'Post today’s lesson now (it counts as today’s post)' },
    {
      type: Option.Subcommand,
      name: 'recap',
      description: 'A summary of the week in the study channel, on one day a week (off by default)',
      options: [
        {
          type: Option.String,
          name: 'day',
          description: 'The day of the week, or off',
          required: true,
          choices: [...weekdayNames.map((name) => ({ name, value: name.toLowerCase() })), { name: 'off (no recap)', value: 'off' }],
        },
        {
          type: Option.String,
          name: 'time',
          description: '24-hour time, HH:MM, in the schedule’s time zone (default 18:00)',
          min_length: 4,
          max_length: 5,
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'jump',
      description: 'Make a lesson the next lesson of the day',
      options: [{ type: Option.String, name: 'lesson', description: 'Start typing a title or a topic', autocomplete: true, required: true }],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    requireAdmin(interaction);
    switch (interaction.options.getSubcommand()) {
      case 'set':
        return scheduleSet(interaction, context);
      case 'show':
        return scheduleShow(interaction, context);
      case 'pause':
        return schedulePause(interaction, context, true);
      case 'resume':
        return schedulePause(interaction, context, false);
      case 'post-now':
        return schedulePostNow(interaction, context);
      case 'recap':
        return scheduleRecap(interaction, context);
      default:
        return scheduleJump(interaction, context);
    }
  },
  async autocomplete(interaction, { course }) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'timezone') {
      await interaction.respond(searchTimeZones(focused.value).map((zone) => ({ name: zone, value: zone })));
      return;
    }
    await interaction.respond(
      searchLessons(course, focused.value).map((lesson) => ({ name: lessonChoiceName(lesson.part.title, lesson.title), value: lesson.id })),
    );
  },
} satisfies Command;
