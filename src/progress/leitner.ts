import type { ReviewValue } from '../store/values.ts';
import { addDays } from '../util/time.ts';

/**
 * Leitner boxes: days until a question comes back, by box. A wrong answer puts it in box 1
 * (tomorrow); each right answer on a due question moves it up one box, so it comes back later
 * and later.
 */
export const reviewIntervalDays = [1, 3, 7, 21] as const;

/** Due on its date and every day after, in the learner's calendar. */
export const isDue = (review: ReviewValue, today: string) => review.due <= today;

/**
 * The review schedule after an answer given on the learner's local date `today`. A right answer
 * to a question not yet due (the same quiz taken again) keeps its box and date: spacing is what
 * earns a longer interval, not repetition the same day. A wrong answer always starts it over.
 */
export function afterAnswer(previous: ReviewValue | undefined, right: boolean, today: string, at: Date, attemptId?: string): ReviewValue {
  const answered = { right, answeredAt: at.getTime(), ...(attemptId ? { attemptId } : {}) };
  if (right && previous && !isDue(previous, today)) return { box: previous.box, due: previous.due, ...answered };
  // A first right answer starts in box 2: it was already known once, so it waits three days.
  const box = right ? Math.min((previous?.box ?? 1) + 1, reviewIntervalDays.length) : 1;
  return { box, due: addDays(today, reviewIntervalDays[box - 1]!), ...answered };
}
