import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import { lessonView } from '../src/views/lesson-view.ts';
import { resolveLesson } from '../src/lessons/resolve-lesson.ts';
import { lessonChoices } from '../src/lessons/search-lessons.ts';
import { getCompletions, nextLesson } from '../src/progress/completions.ts';
import { bestScore } from '../src/progress/quiz.ts';
import { reply } from '../src/ui/reply.ts';
import { courseOverviewEmbed } from '../src/views/course-overview.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'lesson',
  description: 'Open a lesson: summary, key topics, a practice task and self-check questions',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'lesson',
      description: 'Start typing a title or a topic; leave empty for your next lesson',
      autocomplete: true,
      required: false,
    },
  ],
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { course, store }) {
    const learnerId = interaction.user.id;
    const completions = await getCompletions(store, course, learnerId);
    const typed = interaction.options.getString('lesson');
    const lesson = typed ? resolveLesson(course, typed) : nextLesson(course, completions);
    if (!lesson) {
      await reply(interaction, {
        content: `🎓 You have completed every lesson of ${course.title}. Well done! Here is what you covered:`,
        embeds: [courseOverviewEmbed(course)],
      });
      return;
    }
    await reply(interaction, lessonView(course, lesson, learnerId, completions.get(lesson.id), await bestScore(store, learnerId, lesson.id)));
  },
  async autocomplete(interaction, { course }) {
    await interaction.respond(lessonChoices(course, interaction.options.getFocused()));
  },
} satisfies Command;
