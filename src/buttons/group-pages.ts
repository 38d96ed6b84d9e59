import { MessageFlags } from 'discord.js';
import { buttonHandler } from '../interactions/handler.ts';
import { groupBoard } from '../queries/group-board.ts';
import { editReply } from '../ui/reply.ts';
import { UserError } from '../ui/user-error.ts';
import { groupView } from '../views/group-view.ts';

/** Page buttons of the group view: the owner pages in place, anyone else gets their own copy. */
export default buttonHandler(['group'], async (interaction, button, { store, course, lessonOfTheDay, clock, defaultTimeZone }) => {
  if (!interaction.inGuild()) throw new UserError('The group view belongs to a server.');
  const viewerId = interaction.user.id;
  const isOwner = viewerId === button.ownerId;
  if (isOwner) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { standings, todaysLesson } = await groupBoard(store, course, lessonOfTheDay, clock.now(), defaultTimeZone, interaction.guildId);
  await editReply(interaction, groupView(course, interaction.guild?.name ?? 'This server', standings, button.page, viewerId, todaysLesson));
});
