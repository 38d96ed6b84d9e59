import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { inServersAndDMs } from '../src/bot/command-reach.ts';
import { asIs } from '../src/views/components.ts';
import { courseOverviewEmbed } from '../src/views/course-overview.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'course',
  description: 'The course at a glance: its parts, their objectives and every lesson in order',
  ...inServersAndDMs,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { course }) {
    await interaction.reply({ embeds: [asIs(courseOverviewEmbed(course))] });
  },
} satisfies Command;
