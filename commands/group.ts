import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { inServersAndDMs } from '../src/interactions/command-reach.ts';
import { UserError } from '../src/ui/user-error.ts';
import { groupBoard } from '../src/queries/group-board.ts';
import { editReply } from '../src/ui/reply.ts';
import { groupView } from '../src/views/group-view.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'group',
  description: 'The study group: this server’s learners ranked by lessons completed',
  // Offered in DMs too, so that using it there gets a clear answer rather than nothing.
  ...inServersAndDMs,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, { store, course, lessonOfTheDay, clock, defaultTimeZone }) {
    if (!interaction.inGuild())
      throw new UserError('The group view belongs to a server: use /group in your study server. Here in DMs, /progress shows your own progress.');
    // Reading every learner of a large server can take longer than Discord's 3 seconds.
    await interaction.deferReply();
    const { standings, todaysLesson } = await groupBoard(store, course, lessonOfTheDay, clock.now(), defaultTimeZone, interaction.guildId);
    await editReply(interaction, groupView(course, interaction.guild?.name ?? 'This server', standings, 0, interaction.user.id, todaysLesson));
  },
} satisfies Command;
