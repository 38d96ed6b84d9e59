import { buttonHandler } from '../interactions/handler.ts';
import { lessonOfButton } from '../lessons/lesson-of-button.ts';
import { completeLesson, getCompletions, uncompleteLesson } from '../progress/completions.ts';
import { progressStats } from '../progress/stats.ts';
import { bestScore } from '../progress/quiz.ts';
import { followUp, reply, update } from '../ui/reply.ts';
import { giveMilestoneRoles, givenRolesNotice } from '../interactions/milestone-roles.ts';
import { lessonView } from '../views/lesson-view.ts';

/**
 * The clicker is always the learner: "mark done" acts for whoever clicks. On their own
 * message the message updates in place; on anyone else's the clicker gets their own
 * ephemeral copy and the other person's message is left alone.
 */
export default buttonHandler(['done', 'undo', 'open'], async (interaction, button, context) => {
  const { course, store, clock } = context;
  const lesson = lessonOfButton(course, button.lessonId);
  const learnerId = interaction.user.id;
  const before = await getCompletions(store, course, learnerId);
  const marking = button.action === 'done' && !before.has(lesson.id);
  if (marking) await completeLesson(store, clock, learnerId, lesson);
  if (button.action === 'undo' && before.has(lesson.id)) await uncompleteLesson(store, learnerId, lesson);
  const completions = button.action === 'open' ? before : await getCompletions(store, course, learnerId);
  const view = lessonView(course, lesson, learnerId, completions.get(lesson.id), await bestScore(store, learnerId, lesson.id));
  if (learnerId === button.ownerId) {
    await update(interaction, view);
  } else {
    const { done, total } = progressStats(course, completions).overall;
    const content =
      button.action === 'open' ? undefined : `${button.action === 'done' ? 'Marked done' : 'Marked not done'} for you: ${done}/${total} lessons.`;
    await reply(interaction, { ...view, content }, { ephemeral: true });
  }
  const given = marking ? await giveMilestoneRoles(interaction, context, learnerId, completions) : [];
  if (given.length > 0) await followUp(interaction, { content: givenRolesNotice(given, 'you') }, { ephemeral: true });
});
