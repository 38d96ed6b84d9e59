import * as z from 'zod';
import { courseLimits, slugPattern } from '../course/limits.ts';

/**
 * Every button's custom id, built and parsed here only: `sc1:<action>:<fields…>`.
 * `sc1` is the format version; a new format gets a new prefix, so old messages still
 * parse into a clear "this button is out of date" instead of a wrong action.
 */
const version = 'sc1';
const snowflake = z.string().regex(/^\d{17,20}$/);
const lessonId = z.string().max(courseLimits.idLength).regex(slugPattern);
const questionId = z.string().max(courseLimits.questionId).regex(slugPattern);
const count = (max: number) => z.coerce.number().int().min(0).max(max);
const choice = count(courseLimits.quizOptions.max - 1);
const quizCount = count(courseLimits.quiz.max);
/** Questions in one review session (reviewSessionSize in progress/review-queue.ts). */
const sessionCount = count(10);

/**
 * One entry per action: its fields, in the order they appear in the id. A new button is one
 * entry here and one handler in src/buttons/ that names the action.
 */
const actions = {
  /** Mark the lesson done for the clicker. `ownerId` is the user the message was made for. */
  done: { lessonId, ownerId: snowflake },
  /** Undo the clicker's completion of the lesson. */
  undo: { lessonId, ownerId: snowflake },
  /** Show another lesson (previous / next). */
  open: { lessonId, ownerId: snowflake },
  /** Lesson of the day: mark it studied for whoever clicks. */
  studied: { lessonId },
  /** Lesson of the day: open the full lesson for whoever clicks, ephemerally. */
  full: { lessonId },
  /** Start the lesson's quiz for whoever clicks, privately. */
  quiz: { lessonId },
  /** Answer a quiz question: the option chosen, the score and questions asked before it, and whose quiz it is. */
  answer: { questionId, choice, score: quizCount, asked: quizCount, ownerId: snowflake },
  /** After the feedback: the lesson's next question, or the score. */
  quizNext: { questionId, score: quizCount, asked: quizCount, ownerId: snowflake },
  /** Answer a question due for review: reviewed and right before it in this session. */
  reviewAnswer: { questionId, choice, reviewed: sessionCount, right: sessionCount, ownerId: snowflake },
  /** The session's next question due for review, or its summary. */
  reviewNext: { reviewed: sessionCount, right: sessionCount, ownerId: snowflake },
  /** Show a page of the group view. */
  group: { page: z.coerce.number().int().min(0).max(10_000), ownerId: snowflake },
  /** An organiser confirms the reset of a member's progress they asked for (the reason waits in the store). */
  resetConfirm: { memberId: snowflake, ownerId: snowflake },
  resetCancel: { memberId: snowflake, ownerId: snowflake },
  /** Show a page of the server's audit log. */
  auditPage: { page: z.coerce.number().int().min(0).max(100_000), ownerId: snowflake },
} satisfies Record<string, z.ZodRawShape>;

type Actions = typeof actions;
export type ButtonActionName = keyof Actions;
export const buttonActionNames = Object.keys(actions) as ButtonActionName[];

/** A parsed button id: its action and that action's fields. */
export type ButtonAction<Name extends ButtonActionName = ButtonActionName> = { [N in Name]: { action: N } & z.infer<z.ZodObject<Actions[N]>> }[Name];

const schemas = Object.fromEntries(Object.entries(actions).map(([name, fields]) => [name, z.object({ action: z.literal(name), ...fields })]));

export class ButtonIdError extends Error {
  override name = 'ButtonIdError';
  constructor(
    readonly customId: string,
    reason: string,
  ) {
    super(`Unrecognised button id "${customId.slice(0, 100)}": ${reason}`);
  }
}

export function buildButtonId(button: ButtonAction): string {
  const values = Object.keys(actions[button.action]).map((field) => String((button as Record<string, unknown>)[field]));
  const id = [version, button.action, ...values].join(':');
  // Discord refuses a custom id over 100 characters; the fields' limits keep every id under it.
  if (id.length > 100) throw new Error(`button id over 100 characters: ${id}`);
  return id;
}

export function parseButtonId(customId: string): ButtonAction {
  const [prefix, action, ...values] = customId.split(':');
  if (prefix !== version) throw new ButtonIdError(customId, `unknown version "${prefix}"`);
  if (!action || !Object.hasOwn(actions, action)) throw new ButtonIdError(customId, `unknown action "${action}"`);
  const fields = Object.keys(actions[action as ButtonActionName]);
  if (values.length !== fields.length) throw new ButtonIdError(customId, `expected ${fields.length} fields, got ${values.length}`);
  const parsed = schemas[action]!.safeParse({ action, ...Object.fromEntries(fields.map((field, i) => [field, values[i]])) });
  if (!parsed.success) throw new ButtonIdError(customId, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data as ButtonAction;
}
