import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { inServersAndDMs } from '../src/bot/command-reach.ts';
import { UserError } from '../src/interactions/user-error.ts';
import { groupPage } from '../src/views/group-page.ts';

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
    if (!interaction.inGuild()) throw new UserError('The group view belongs to a server: use /group in your study server. Here in DMs, /progress shows your own progress.');
    // Reading every learner of a large server can take longer than Discord's 3 seconds.
    await interaction.deferReply();
    await interaction.editReply(await groupPage(context, interaction.guildId, interaction.guild?.name ?? 'This server', 0, interaction.user.id));
  },
} satisfies Command;
