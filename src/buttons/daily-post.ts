import { buttonHandler } from '../interactions/handler.ts';
import { lessonOfButton } from '../lessons/lesson-of-button.ts';
import { completeLesson, getCompletions } from '../progress/completions.ts';
import { progressStats } from '../progress/stats.ts';
import { bestScore } from '../progress/quiz.ts';
import { followUp, reply } from '../ui/reply.ts';
import { giveMilestoneRoles, givenRolesNotice } from '../interactions/milestone-roles.ts';
import { lessonView } from '../views/lesson-view.ts';

/** The lesson of the day's buttons act for whoever clicks and answer only them; the post never changes. */
export default buttonHandler(['studied', 'full'], async (interaction, button, context) => {
  const { course, store, clock } = context;
  const lesson = lessonOfButton(course, button.lessonId);
  const learnerId = interaction.user.id;
  let completions = await getCompletions(store, course, learnerId);
  if (button.action === 'full') {
    const best = await bestScore(store, learnerId, lesson.id);
    await reply(interaction, lessonView(course, lesson, learnerId, completions.get(lesson.id), best), { ephemeral: true });
    return;
  }
  const already = completions.has(lesson.id);
  if (!already) {
    await completeLesson(store, clock, learnerId, lesson);
    completions = await getCompletions(store, course, learnerId);
  }
  const { done, total } = progressStats(course, completions).overall;
  const content = already
    ? `You had already studied “${lesson.title}”. ${done}/${total} lessons done.`
    : `✅ Marked “${lesson.title}” as studied. ${done}/${total} lessons done.`;
  await reply(interaction, { content }, { ephemeral: true });
  const given = already ? [] : await giveMilestoneRoles(interaction, context, learnerId, completions);
  if (given.length > 0) await followUp(interaction, { content: givenRolesNotice(given, 'you') }, { ephemeral: true });
});
