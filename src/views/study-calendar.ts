import type { Streak } from '../progress/streak.ts';

export const calendarWeeks = 12;
const weekdayLabels = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Monday = 0 … Sunday = 6, for a day number (1970-01-01, day 0, was a Thursday). */
const mondayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

/** 'today' is today before any study: not missed yet. */
export type CalendarDay = 'studied' | 'frozen' | 'missed' | 'today' | 'future';

/** The last 12 weeks as columns of Monday-to-Sunday days (in the streak's time zone), the current week last. */
export function calendarGrid(streak: Streak): CalendarDay[][] {
  const firstMonday = streak.today - mondayIndex(streak.today) - 7 * (calendarWeeks - 1);
  return Array.from({ length: calendarWeeks }, (_, week) =>
    Array.from({ length: 7 }, (_, weekday): CalendarDay => {
      const day = firstMonday + 7 * week + weekday;
      if (day > streak.today) return 'future';
      if (streak.studied.has(day)) return 'studied';
      return day === streak.today ? 'today' : streak.frozen.has(day) ? 'frozen' : 'missed';
    }),
  );
}

const symbols: Record<CalendarDay, string> = { studied: '🟩', frozen: '🧊', missed: '⬛', today: '⬜', future: '' };

/** The grid as text, one line per weekday, and a sentence with the same facts for screen readers. */
export function calendarText(streak: Streak): { grid: string; summary: string } {
  const weeks = calendarGrid(streak);
  const grid = weekdayLabels.map((label, weekday) => `\`${label}\` ${weeks.map((week) => symbols[week[weekday]!]).join('')}`).join('\n');
  const days = weeks.flat();
  const studied = days.filter((day) => day === 'studied').length;
  const frozen = days.filter((day) => day === 'frozen').length;
  const past = days.filter((day) => day !== 'future').length;
  const kept = frozen === 0 ? '' : `, ${frozen === 1 ? '1 day' : `${frozen} days`} kept by a freeze`;
  return { grid, summary: `Studied on ${studied} of the last ${past} days${kept}.` };
}
