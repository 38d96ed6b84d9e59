import { ButtonStyle, time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { QuizQuestion } from '../course/course.ts';
import { partColour } from '../ui/colours.ts';
import { button, buttonRow } from '../ui/components.ts';
import { passed } from '../progress/quiz.ts';
import type { Payload } from '../ui/reply.ts';
import { truncate } from '../util/truncate.ts';

const rightColour = 0x22c55e;
const wrongColour = 0xef4444;
const letters = ['A', 'B', 'C', 'D'];

/** One question with a button per option; `answerId` builds each option's button id. */
export function questionView(heading: string, counter: string, question: QuizQuestion, answerId: (choice: number) => string): Payload {
  const embed: APIEmbed = {
    color: partColour(question.lesson.part.index),
    author: { name: `${heading} · ${question.lesson.title}` },
    title: counter,
    description: `${question.question}\n\n${question.options.map((option, i) => `**${letters[i]}.** ${option}`).join('\n')}`,
  };
  const options = question.options.map((option, i) => button(answerId(i), truncate(`${letters[i]}. ${option}`, 80), ButtonStyle.Secondary));
  return { embeds: [embed], components: [buttonRow(...options)] };
}

/** Right or wrong, the right answer and why, with the button that goes on. */
export function feedbackView(question: QuizQuestion, choice: number, tally: string, onward: { id: string; label: string }): Payload {
  const isRight = choice === question.answer;
  const embed: APIEmbed = {
    color: isRight ? rightColour : wrongColour,
    author: { name: question.lesson.title },
    title: isRight ? '✅ Right' : '❌ Not quite',
    description: [
      question.question,
      isRight ? '' : `You chose: ${question.options[choice]}`,
      `**Answer:** ${question.options[question.answer]}`,
      question.explanation,
    ]
      .filter(Boolean)
      .join('\n\n'),
    footer: { text: tally },
  };
  return { embeds: [embed], components: [buttonRow(button(onward.id, onward.label, ButtonStyle.Primary))] };
}

/** The end of a quiz: the score as n/m, whether it passed, and the learner's best. */
export function scoreView(lessonTitle: string, score: number, of: number, best: { score: number; of: number } | undefined, retryId: string): Payload {
  const hasPassed = passed({ score, of });
  const lines = [
    hasPassed ? '🎉 Passed (80 % or more).' : 'Not passed yet: 80 % passes. The questions you missed come back in `/review` tomorrow.',
    best ? `Your best: ${best.score}/${best.of}` : '',
  ];
  const embed: APIEmbed = {
    color: hasPassed ? rightColour : wrongColour,
    author: { name: lessonTitle },
    title: `Quiz score: ${score}/${of}`,
    description: lines.filter(Boolean).join('\n'),
  };
  return { embeds: [embed], components: [buttonRow(button(retryId, 'Quiz again', ButtonStyle.Secondary))] };
}

/** The end of a review session, or nothing to review: how many are still due, or when the next review is due. */
export function reviewDoneView(reviewed: number, rightCount: number, stillDue: number, nextDueAt: Date | undefined): Payload {
  const more = stillDue > 0 ? `${stillDue} more due now: run \`/review\` again for the next session.` : '';
  const next = more
    ? more
    : nextDueAt
      ? `Next review due ${time(nextDueAt, TimestampStyles.RelativeTime)} (${time(nextDueAt, TimestampStyles.ShortDateTime)}).`
      : '';
  const description =
    reviewed > 0
      ? [`Reviewed ${reviewed}: ${rightCount} right.`, next].filter(Boolean).join('\n')
      : next
        ? `Nothing to review now. ${next}`
        : 'Nothing to review yet: answer a quiz with `/quiz` and the questions come back here, spaced out over days.';
  return { embeds: [{ color: rightColour, title: reviewed > 0 ? 'Review done' : 'Review', description }], components: [] };
}
