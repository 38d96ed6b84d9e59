import { ApplicationCommandType, ApplicationIntegrationType, EmbedBuilder, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import type { Course } from '../src/course/course.ts';
import { truncate } from '../src/util/truncate.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'course',
  description: 'The course at a glance: its parts, their objectives and every lesson in order',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * One field per part (Discord allows 25): its objective, then the numbered lessons. The
 * field values share a 5000-character budget so the whole embed stays under 6000.
 */
export function courseOverviewEmbed(course: Course): EmbedBuilder {
  const parts = course.parts.slice(0, 25);
  const valueBudget = Math.min(1024, Math.floor(5000 / parts.length));
  const fields = parts.map((part) => ({
    name: truncate(`${part.title} · ${part.lessons.length} lessons`, 60),
    value: truncate(`${part.objective}\n${part.lessons.map((lesson) => `${lesson.index + 1}. ${lesson.title}`).join('\n')}`, valueBudget),
  }));
  return new EmbedBuilder()
    .setTitle(truncate(course.title, 256))
    .setFields(fields)
    .setFooter({ text: `${course.lessons.length} lessons in ${course.parts.length} parts.` });
}

export default {
  data,
  async execute(interaction, { course }) {
    await interaction.reply({ embeds: [courseOverviewEmbed(course)] });
  },
} satisfies Command;
