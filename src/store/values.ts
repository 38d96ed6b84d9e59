import * as z from 'zod';

/** Values as stored. Each is validated when read; a value that fails is logged and treated as absent. */
export const completionValue = z.object({ completedAt: z.number().int().nonnegative() });
export const schemaVersionValue = z.object({ version: z.number().int().positive() });

/** A learner's review schedule for one quiz question (Leitner box 1 to 4, due on a local calendar date). */
export const reviewValue = z.object({
  box: z.number().int().min(1).max(4),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  right: z.boolean(),
  answeredAt: z.number().int().nonnegative(),
  /** The quiz or review message the last answer came from: a second click there is not graded again. */
  attemptId: z.string().max(32).optional(),
});
export type ReviewValue = z.infer<typeof reviewValue>;

/** A learner's best score in one lesson's quiz. */
export const quizBestValue = z.object({ score: z.number().int().nonnegative(), of: z.number().int().positive(), at: z.number().int().nonnegative() });
export type QuizBestValue = z.infer<typeof quizBestValue>;
