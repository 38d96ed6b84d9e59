import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import type { Command } from '../src/interactions/handler.ts';
import { reply } from '../src/ui/reply.ts';
import { courseOverviewEmbed } from '../src/views/course-overview.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'course',
  description: 'The course at a glance: its parts, their objectives and every lesson in order',
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { course }) {
    await reply(interaction, { embeds: [courseOverviewEmbed(course)] });
  },
} satisfies Command;
