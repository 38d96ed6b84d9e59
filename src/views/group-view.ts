import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { Course, Lesson } from '../course/course.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import type { Standing } from '../progress/standings.ts';
import { paceLabel } from '../progress/pace.ts';
import { button, buttonRow } from '../ui/components.ts';
import type { Payload } from '../ui/reply.ts';

const groupPageSize = 10;

/** Mentions in an embed render as names and never ping anyone. */
const line = (row: Standing, total: number) =>
  `**#${row.rank}** <@${row.userId}>: ${row.done}/${total} (${row.percent}%)${row.streak > 0 ? ` · 🔥 ${row.streak}` : ''}${row.studiedToday ? ' · 📌' : ''}${row.pace ? ` · ${paceLabel(row.pace)}` : ''}`;

function pageCount(standings: Standing[]): number {
  return Math.max(1, Math.ceil(standings.length / groupPageSize));
}

/** One page of the server's standings, with the viewer's own rank always shown, and page buttons. */
export function groupView(course: Course, serverName: string, standings: Standing[], requestedPage: number, viewerId: string, todaysLesson?: Lesson) {
  const pages = pageCount(standings);
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const total = course.lessons.length;
  const shown = standings.slice(page * groupPageSize, (page + 1) * groupPageSize);
  const viewer = standings.find((row) => row.userId === viewerId);
  const embed: APIEmbed = {
    title: `${serverName}: study group`.slice(0, 256),
    description: shown.length > 0 ? shown.map((row) => line(row, total)).join('\n') : 'Nobody has studied here yet. Start with /lesson!',
    fields: [
      ...(todaysLesson
        ? [
            {
              name: 'Lesson of the day',
              value: `📌 ${todaysLesson.title}: studied by ${standings.filter((row) => row.studiedToday).length} of ${standings.length}`,
            },
          ]
        : []),
      { name: 'You', value: viewer ? line(viewer, total) : 'Not on the board yet: open a lesson with /lesson to join in.' },
    ],
    footer: { text: `Page ${page + 1} of ${pages} · ${standings.length} learners` },
  };
  const pageButton = (target: number, label: string, disabled: boolean) =>
    button(buildButtonId({ action: 'group', page: target, ownerId: viewerId }), label, ButtonStyle.Secondary, { disabled });
  const components =
    pages > 1
      ? [
          buttonRow(
            pageButton(Math.max(0, page - 1), '◀ Previous', page === 0),
            pageButton(Math.min(pages - 1, page + 1), 'Next ▶', page === pages - 1),
          ),
        ]
      : [];
  return { embeds: [embed], components } satisfies Payload;
}
