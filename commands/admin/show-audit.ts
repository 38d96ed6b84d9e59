import type { Interaction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import type { Payload } from '../../src/ui/reply.ts';
import { auditPageSize, auditView } from '../../src/views/audit-view.ts';

/** A page of the server's audit log as a message (for /admin audit and its page buttons). */
export async function auditPage(
  context: Pick<HandlerContext, 'store' | 'course'>,
  interaction: Interaction & { guildId: string },
  page: number,
): Promise<Payload> {
  const { store, course } = context;
  const { entries, total } = await store.audit.latest(interaction.guildId, page * auditPageSize, auditPageSize);
  const lastPage = Math.max(0, Math.ceil(total / auditPageSize) - 1);
  if (page > lastPage && total > 0) return auditPage(context, interaction, lastPage);
  return auditView(course, entries, Math.min(page, lastPage), total, interaction.user.id);
}
