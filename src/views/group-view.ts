import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { buildButtonId } from '../interactions/button-id.ts';
import type { Standing } from '../progress/group-standings.ts';

export const groupPageSize = 10;

/** Mentions in an embed render as names and never ping anyone. */
const line = (row: Standing, total: number) => `**#${row.rank}** <@${row.userId}>: ${row.done}/${total} (${row.percent}%)${row.streak > 0 ? ` · 🔥 ${row.streak}` : ''}${row.studiedToday ? ' · 📌' : ''}`;

export function pageCount(standings: Standing[]): number {
  return Math.max(1, Math.ceil(standings.length / groupPageSize));
}

/** One page of the server's standings, with the viewer's own rank always shown, and page buttons. */
export function groupView(course: Course, serverName: string, standings: Standing[], requestedPage: number, viewerId: string, todaysLesson?: Lesson) {
  const pages = pageCount(standings);
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const total = course.lessons.length;
  const shown = standings.slice(page * groupPageSize, (page + 1) * groupPageSize);
  const viewer = standings.find((row) => row.userId === viewerId);
  const embed = new EmbedBuilder()
    .setTitle(`${serverName}: study group`.slice(0, 256))
    .setDescription(shown.length > 0 ? shown.map((row) => line(row, total)).join('\n') : 'Nobody has studied here yet. Start with /lesson!')
    .addFields(
      ...(todaysLesson ? [{ name: 'Lesson of the day', value: `📌 ${todaysLesson.title}: studied by ${standings.filter((row) => row.studiedToday).length} of ${standings.length}` }] : []),
    )
    .addFields({ name: 'You', value: viewer ? line(viewer, total) : 'Not on the board yet: open a lesson with /lesson to join in.' })
    .setFooter({ text: `Page ${page + 1} of ${pages} · ${standings.length} learners` });
  const components =
    pages > 1
      ? [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId(buildButtonId({ action: 'group', page: Math.max(0, page - 1), ownerId: viewerId })).setLabel('◀ Previous').setStyle(ButtonStyle.Secondary).setDisabled(page === 0),
            new ButtonBuilder().setCustomId(buildButtonId({ action: 'group', page: Math.min(pages - 1, page + 1), ownerId: viewerId })).setLabel('Next ▶').setStyle(ButtonStyle.Secondary).setDisabled(page === pages - 1),
          ),
        ]
      : [];
  return { embeds: [embed], components };
}
