import { buttonHandler } from '../interactions/handler.ts';
import { questionOfButton } from '../lessons/question-of-button.ts';
import { gradeAnswer } from '../progress/grading.ts';
import { reviewQueue } from '../progress/review-queue.ts';
import { learnerToday } from '../queries/learner-today.ts';
import { reply, update } from '../ui/reply.ts';
import { UserError } from '../ui/user-error.ts';
import { dayNumber } from '../util/time.ts';
import { reviewFeedback, reviewStep } from '../views/quiz-steps.ts';

/** Review sessions, private like quizzes: a click on someone else's starts the clicker's own. */
export default buttonHandler(['reviewAnswer', 'reviewNext'], async (interaction, button, context) => {
  const { course, store, clock } = context;
  const day = await learnerToday(context, interaction.user.id, interaction.guildId, clock.now());
  const learnerId = interaction.user.id;
  if (learnerId !== button.ownerId) {
    const queue = await reviewQueue(store, course, learnerId, day.today);
    await reply(interaction, reviewStep(queue, day, { reviewed: 0, right: 0 }, learnerId), { ephemeral: true });
    return;
  }
  if (button.right > button.reviewed) throw new UserError('This review message is out of date. Start again with `/review`.');
  if (button.action === 'reviewNext') {
    await update(interaction, reviewStep(await reviewQueue(store, course, learnerId, day.today), day, button, learnerId));
    return;
  }
  const question = questionOfButton(course, button.questionId);
  if (button.choice >= question.options.length) throw new UserError('This review message is out of date. Start again with `/review`.');
  // The attempt is the message and its place in the session: a question can come back in a later session on the same message.
  const attemptId = `${interaction.message.id}:${button.reviewed}`;
  const graded = await gradeAnswer(store, clock, { userId: learnerId, today: day.today }, question, button.choice, attemptId);
  if (!graded) throw new UserError('You have already answered this question: carry on from the review message.');
  const session = { reviewed: button.reviewed + 1, right: button.right + (graded.right ? 1 : 0) };
  const comesBackInDays = dayNumber(graded.review.due) - dayNumber(day.today);
  await update(interaction, reviewFeedback(question, button.choice, session, comesBackInDays, learnerId));
});
