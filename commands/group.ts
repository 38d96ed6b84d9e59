import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { inServersAndDMs } from '../src/bot/command-reach.ts';
import { UserError } from '../src/interactions/user-error.ts';
import { groupStandings } from '../src/progress/group-standings.ts';
import { groupView } from '../src/views/group-view.ts';
import { serverDay } from '../src/schedule/todays-lesson.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'group',
  description: 'The study group: this server’s learners ranked by lessons completed',
  // Offered in DMs too, so that using it there gets a clear answer rather than nothing.
  ...inServersAndDMs,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    const { course, store, clock } = context;
    if (!interaction.inGuild()) throw new UserError('The group view belongs to a server: use /group in your study server. Here in DMs, /progress shows your own progress.');
    // Reading every learner of a large server can take longer than Discord's 3 seconds.
    await interaction.deferReply();
    const { timeZone, todaysLesson } = await serverDay(context, interaction.guildId);
    const standings = await groupStandings(store, course, interaction.guildId, clock.now(), timeZone, todaysLesson?.id);
    await interaction.editReply(groupView(course, interaction.guild?.name ?? 'This server', standings, 0, interaction.user.id, todaysLesson));
  },
} satisfies Command;
