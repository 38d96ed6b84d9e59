import type { ButtonInteraction } from 'discord.js';
import { buttonHandler, type HandlerContext } from '../interactions/handler.ts';
import { lessonOfButton } from '../lessons/lesson-of-button.ts';
import { questionOfButton } from '../lessons/question-of-button.ts';
import { answerQuizQuestion, bestScore } from '../progress/quiz.ts';
import { learnerToday } from '../queries/learner-today.ts';
import { buildButtonId } from '../ui/custom-id.ts';
import { reply, update } from '../ui/reply.ts';
import { UserError } from '../ui/user-error.ts';
import { firstQuizQuestion, quizFeedback, quizQuestion } from '../views/quiz-steps.ts';
import { scoreView } from '../views/quiz-view.ts';

/** Starts the lesson's quiz for whoever clicks, in a message only they can see. */
async function startQuiz(interaction: ButtonInteraction, lessonId: string, { course }: HandlerContext) {
  await reply(interaction, firstQuizQuestion(course, lessonOfButton(course, lessonId), interaction.user.id), { ephemeral: true });
}

const outOfDate = () => new UserError('This quiz message is out of date. Start the quiz again with `/quiz`.');

/**
 * A quiz is private: every step is ephemeral, and its ids carry whose quiz it is. A click on
 * anyone else's quiz message starts the clicker's own quiz instead of answering for them.
 */
export default buttonHandler(['quiz', 'answer', 'quizNext'], async (interaction, button, context) => {
  if (button.action === 'quiz') return startQuiz(interaction, button.lessonId, context);
  const { course, store, clock } = context;
  const question = questionOfButton(course, button.questionId);
  if (interaction.user.id !== button.ownerId) return startQuiz(interaction, question.lesson.id, context);
  // Each question's buttons know how many came before it: anything else is a changed quiz or a forged id.
  if (button.asked !== question.index + (button.action === 'quizNext' ? 1 : 0) || button.score > button.asked) throw outOfDate();
  if (button.action === 'answer') {
    if (button.choice >= question.options.length) throw outOfDate();
    const { today } = await learnerToday(context, button.ownerId, interaction.guildId, clock.now());
    const learner = { userId: button.ownerId, today };
    const answered = await answerQuizQuestion(store, clock, learner, question, button.choice, { ...button, id: interaction.message.id });
    if (!answered) throw new UserError('You have already answered this question: carry on from the quiz message.');
    return update(interaction, quizFeedback(question, button.choice, answered.score, answered.asked, button.ownerId));
  }
  const following = question.lesson.quiz[question.index + 1];
  if (following) return update(interaction, quizQuestion(course.questionById(following.id)!, button.score, button.asked, button.ownerId));
  const best = await bestScore(store, button.ownerId, question.lesson.id);
  const retry = buildButtonId({ action: 'quiz', lessonId: question.lesson.id });
  return update(interaction, scoreView(question.lesson.title, button.score, button.asked, best, retry));
});
