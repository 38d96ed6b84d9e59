import { ButtonStyle, time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Course } from '../course/course.ts';
import { button, buttonRow } from '../ui/components.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import type { Payload } from '../ui/reply.ts';
import { truncate } from '../util/truncate.ts';

/** An entry of the audit log as the view needs it (the store's entries are these). */
export interface AuditEntry {
  at: number;
  actorId: string;
  memberId: string;
  action: 'done' | 'not done' | 'reset';
  lessonId?: string | undefined;
  cleared?: readonly unknown[] | undefined;
  reason: string;
}

export const auditPageSize = 10;
const lessons = (count: number) => (count === 1 ? '1 lesson' : `${count} lessons`);

/** One entry as a line: when, who, what for whom, and why. Mentions render as names and ping nobody. */
export function auditLine(course: Course, entry: AuditEntry): string {
  const when = time(new Date(entry.at), TimestampStyles.ShortDateTime);
  const lesson = entry.lessonId ? (course.lessonById(entry.lessonId)?.title ?? entry.lessonId) : '';
  const what =
    entry.action === 'reset'
      ? `reset the progress of <@${entry.memberId}> (${lessons(entry.cleared?.length ?? 0)} cleared)`
      : `marked “${lesson}” ${entry.action} for <@${entry.memberId}>`;
  return `${when} <@${entry.actorId}> ${what}: “${truncate(entry.reason, 200)}”`;
}

/** A page of the audit log, newest first, with page buttons for the organiser who asked. */
export function auditView(course: Course, entries: AuditEntry[], page: number, total: number, viewerId: string): Payload {
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const embed: APIEmbed = {
    title: 'Progress corrections',
    description: entries.length > 0 ? entries.map((entry) => auditLine(course, entry)).join('\n') : 'No corrections yet.',
    footer: { text: `Page ${page + 1} of ${pages} · ${total} ${total === 1 ? 'entry' : 'entries'}` },
  };
  const pageButton = (target: number, label: string, disabled: boolean) =>
    button(buildButtonId({ action: 'auditPage', page: target, ownerId: viewerId }), label, ButtonStyle.Secondary, { disabled });
  const components =
    pages > 1 ? [buttonRow(pageButton(Math.max(0, page - 1), '◀ Newer', page === 0), pageButton(page + 1, 'Older ▶', page >= pages - 1))] : [];
  return { embeds: [embed], components };
}
