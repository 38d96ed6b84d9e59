import { localDayNumber } from '../util/time.ts';

/** Every this many studied days of a streak earn a freeze. */
export const daysPerFreeze = 7;
/** A learner holds at most this many freezes. */
export const maxFreezes = 2;

export interface Streak {
  /** Studied days in the current streak (a day kept by a freeze does not add to it). */
  days: number;
  /** Freezes held now: each keeps the streak alive through one missed day, used automatically. */
  freezes: number;
  /** Local calendar days (day numbers) that studying counted for, and those a freeze kept. */
  studied: ReadonlySet<number>;
  frozen: ReadonlySet<number>;
  /** Today's day number in the time zone the streak was counted in. */
  today: number;
}

/**
 * The learner's streak, replayed day by day from their first studied day: each studied day adds
 * one, every 7th studied day of a streak earns a freeze (at most 2 held), and a day without study
 * uses a freeze if one is held, else ends the streak. Today only counts once studied: until it
 * passes, an unstudied today neither breaks the streak nor uses a freeze. Days are calendar dates
 * in `timeZone`, so a 23- or 25-hour DST day is still one day.
 */
export function streakOf(completionTimes: Iterable<Date>, now: Date, timeZone: string): Streak {
  const studied = new Set<number>();
  for (const at of completionTimes) studied.add(localDayNumber(at, timeZone));
  const today = localDayNumber(now, timeZone);
  const frozen = new Set<number>();
  let days = 0;
  let freezes = 0;
  const first = Math.min(...studied);
  for (let day = first; day <= today; day += 1) {
    if (studied.has(day)) {
      days += 1;
      if (days % daysPerFreeze === 0) freezes = Math.min(maxFreezes, freezes + 1);
    } else if (day === today) {
      break;
    } else if (days > 0 && freezes > 0) {
      freezes -= 1;
      frozen.add(day);
    } else {
      days = 0;
      freezes = 0;
    }
  }
  return { days, freezes, studied, frozen, today };
}

/** The streak's length in studied days (see `streakOf`). */
export const currentStreak = (completionTimes: Iterable<Date>, now: Date, timeZone: string): number => streakOf(completionTimes, now, timeZone).days;
