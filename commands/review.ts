import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import { learnerToday } from '../src/queries/learner-today.ts';
import { reviewQueue } from '../src/progress/review-queue.ts';
import { reviewStep } from '../src/views/quiz-steps.ts';
import { reply } from '../src/ui/reply.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'review',
  description: 'Review the quiz questions due for you today (spaced review), privately',
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    const { course, store, clock } = context;
    const day = await learnerToday(context, interaction.user.id, interaction.guildId, clock.now());
    const queue = await reviewQueue(store, course, interaction.user.id, day.today);
    await reply(interaction, reviewStep(queue, day, { reviewed: 0, right: 0 }, interaction.user.id), { ephemeral: true });
  },
} satisfies Command;
