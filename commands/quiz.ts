import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import { resolveLesson } from '../src/lessons/resolve-lesson.ts';
import { lessonChoices } from '../src/lessons/search-lessons.ts';
import { reply } from '../src/ui/reply.ts';
import { firstQuizQuestion } from '../src/views/quiz-steps.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'quiz',
  description: "Take a lesson's quiz, privately: one question at a time, with the answer explained",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'lesson',
      description: 'Start typing a title or a topic',
      autocomplete: true,
      required: true,
    },
  ],
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { course }) {
    const lesson = resolveLesson(course, interaction.options.getString('lesson', true));
    await reply(interaction, firstQuizQuestion(course, lesson, interaction.user.id), { ephemeral: true });
  },
  async autocomplete(interaction, { course }) {
    await interaction.respond(lessonChoices(course, interaction.options.getFocused()));
  },
} satisfies Command;
