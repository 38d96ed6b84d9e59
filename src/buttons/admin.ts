import { buttonHandler } from '../interactions/handler.ts';
import { requireManageServer } from '../interactions/require-manage-server.ts';
import { resetLearner } from '../progress/corrections.ts';
import { update } from '../ui/reply.ts';
import { UserError } from '../ui/user-error.ts';
import { auditPageSize, auditView } from '../views/audit-view.ts';

/** A confirmation older than this is refused: the organiser asks again, seeing the member's progress as it is now. */
const confirmWithinMs = 15 * 60_000;

/** The organisers' buttons: confirm or cancel a reset, page the audit log. They sit on ephemeral replies, so only the organiser who asked sees them. */
export default buttonHandler(['resetConfirm', 'resetCancel', 'auditPage'], async (interaction, button, { store, course, clock }) => {
  requireManageServer(interaction, 'correct the group’s progress');
  if (interaction.user.id !== button.ownerId) throw new UserError('Only the organiser who asked can answer this. Nothing was changed.');
  if (button.action === 'auditPage') {
    const { entries, total } = await store.audit.latest(interaction.guildId, button.page * auditPageSize, auditPageSize);
    await update(interaction, auditView(course, entries, button.page, total, interaction.user.id));
    return;
  }
  const pending = await store.audit.takePendingReset(interaction.guildId, button.ownerId, button.memberId);
  if (button.action === 'resetCancel') {
    await update(interaction, { content: `Cancelled: the progress of <@${button.memberId}> is as it was.`, components: [] });
    return;
  }
  if (!pending) throw new UserError('This reset was already confirmed or cancelled. Nothing more was changed.');
  if (clock.now().getTime() - pending.at > confirmWithinMs)
    throw new UserError('This confirmation has expired. Run /admin reset again. Nothing was changed.');
  const correction = { guildId: interaction.guildId, actorId: interaction.user.id, memberId: button.memberId, reason: pending.reason };
  const cleared = await resetLearner(store, course, clock, correction);
  await update(interaction, {
    content: `🧹 Reset the progress of <@${button.memberId}>: ${cleared === 1 ? '1 lesson' : `${cleared} lessons`} cleared. It is in the audit log (/admin audit).`,
    components: [],
  });
});
