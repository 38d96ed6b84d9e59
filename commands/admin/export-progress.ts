import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { scheduleTimeZone } from '../../src/queries/learner-today.ts';
import { serverExport } from '../../src/queries/server-export.ts';
import { editReply } from '../../src/ui/reply.ts';
import { progressCsv } from '../../src/views/progress-csv.ts';

/** `/admin export`: the server's learners and their progress as a CSV file, privately. */
export async function exportProgress(interaction: ChatInputCommandInteraction & { guildId: string }, context: HandlerContext): Promise<void> {
  // Reading every learner of a large server can take longer than Discord's 3 seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const now = context.clock.now();
  const timeZone = scheduleTimeZone(await context.lessonOfTheDay.scheduleOf(interaction.guildId), context.defaultTimeZone);
  const rows = await serverExport(context.store, context.course, interaction.guildId, now, timeZone);
  const date = now.toISOString().slice(0, 10);
  await editReply(interaction, {
    content: `The progress of this server’s ${rows.length === 1 ? '1 learner' : `${rows.length} learners`} (everyone who has used the bot here), as of ${date}. Learners are Discord user ids; streaks are in each learner’s own time zone.`,
    files: [{ name: `progress-${interaction.guildId}-${date}.csv`, data: Buffer.from(progressCsv(rows), 'utf8') }],
  });
}
