import { z } from 'zod';
import { slugPattern } from '../course/limits.ts';

/**
 * Every button's custom id, built and parsed here only: `sc1:<action>:<fields…>`.
 * `sc1` is the format version; a new format gets a new prefix, so old messages still
 * parse into a clear "this button is out of date" instead of a wrong action.
 */
const version = 'sc1';
const snowflake = z.string().regex(/^\d{17,20}$/);
const lessonId = z.string().max(40).regex(slugPattern);

export const buttonAction = z.discriminatedUnion('action', [
  /** Mark the lesson done for the clicker. `ownerId` is the user the message was made for. */
  z.object({ action: z.literal('done'), lessonId, ownerId: snowflake }),
  /** Undo the clicker's completion of the lesson. */
  z.object({ action: z.literal('undo'), lessonId, ownerId: snowflake }),
  /** Show another lesson (previous / next). */
  z.object({ action: z.literal('open'), lessonId, ownerId: snowflake }),
  /** Lesson of the day: mark it studied for whoever clicks. */
  z.object({ action: z.literal('studied'), lessonId }),
  /** Lesson of the day: open the full lesson for whoever clicks, ephemerally. */
  z.object({ action: z.literal('full'), lessonId }),
  /** Show a page of the group view. */
  z.object({ action: z.literal('group'), page: z.coerce.number().int().min(0).max(10_000), ownerId: snowflake }),
]);

export type ButtonAction = z.infer<typeof buttonAction>;

const fieldOrder = {
  done: ['lessonId', 'ownerId'],
  undo: ['lessonId', 'ownerId'],
  open: ['lessonId', 'ownerId'],
  studied: ['lessonId'],
  full: ['lessonId'],
  group: ['page', 'ownerId'],
} as const;

export class ButtonIdError extends Error {
  override name = 'ButtonIdError';
  constructor(readonly customId: string, reason: string) {
    super(`Unrecognised button id "${customId.slice(0, 100)}": ${reason}`);
  }
}

export function buildButtonId(button: ButtonAction): string {
  const values = fieldOrder[button.action].map((field) => String((button as Record<string, unknown>)[field]));
  return [version, button.action, ...values].join(':');
}

export function parseButtonId(customId: string): ButtonAction {
  const [prefix, action, ...values] = customId.split(':');
  if (prefix !== version) throw new ButtonIdError(customId, `unknown version "${prefix}"`);
  const fields = fieldOrder[action as keyof typeof fieldOrder];
  if (!fields) throw new ButtonIdError(customId, `unknown action "${action}"`);
  if (values.length !== fields.length) throw new ButtonIdError(customId, `expected ${fields.length} fields, got ${values.length}`);
  const parsed = buttonAction.safeParse({ action, ...Object.fromEntries(fields.map((field, i) => [field, values[i]])) });
  if (!parsed.success) throw new ButtonIdError(customId, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}
