import type { Pace } from './pace.ts';

export interface Standing {
  userId: string;
  /** Competition rank: learners with equal lessons done share a rank (1, 2, 2, 4). */
  rank: number;
  done: number;
  percent: number;
  streak: number;
  /** Whether they have done the lesson of the day, when one was posted today. */
  studiedToday: boolean;
  /** Against the group's lesson of the day, when the server has one. */
  pace?: Pace;
}

/** A learner's row before ranking, with when they last studied (ms; Infinity when never). */
export type UnrankedStanding = Omit<Standing, 'rank'> & { lastStudiedAt: number };

// Ids are compared as plain strings: localeCompare would load ICU's collation for a tie-break.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranked by lessons completed, then streak, then who got there first. */
export function rankStandings(rows: UnrankedStanding[]): Standing[] {
  const sorted = [...rows].sort(
    (a, b) => b.done - a.done || b.streak - a.streak || a.lastStudiedAt - b.lastStudiedAt || byCodeUnits(a.userId, b.userId),
  );
  let rank = 0;
  return sorted.map(({ lastStudiedAt: _last, ...row }, i) => {
    if (i === 0 || sorted[i - 1]!.done !== row.done) rank = i + 1;
    return { ...row, rank };
  });
}
