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
  // Plain loops: /progress builds this on every call, and Array.from with a callback per day cost ten times as much.
  const weeks: CalendarDay[][] = [];
  for (let week = 0; week < calendarWeeks; week += 1) {
    const days: CalendarDay[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const day = firstMonday + 7 * week + weekday;
      if (day > streak.today) days.push('future');
      else if (streak.studied.has(day)) days.push('studied');
      else days.push(day === streak.today ? 'today' : streak.frozen.has(day) ? 'frozen' : 'missed');
    }
    weeks.push(days);
  }
  return weeks;
}

const symbols: Record<CalendarDay, string> = { studied: '🟩', frozen: '🧊', missed: '⬛', today: '⬜', future: '' };

/** The grid (from `calendarGrid`) as text, one line per weekday, and a sentence with the same facts for screen readers. */
export function calendarText(weeks: readonly (readonly CalendarDay[])[]): { grid: string; summary: string } {
  const counts: Record<CalendarDay, number> = { studied: 0, frozen: 0, missed: 0, today: 0, future: 0 };
  const rows: string[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1) {
    let row = `\`${weekdayLabels[weekday]}\` `;
    for (const week of weeks) {
      const day = week[weekday]!;
      counts[day] += 1;
      row += symbols[day];
    }
    rows.push(row);
  }
  const past = counts.studied + counts.frozen + counts.missed + counts.today;
  const kept = counts.frozen === 0 ? '' : `, ${counts.frozen === 1 ? '1 day' : `${counts.frozen} days`} kept by a freeze`;
  return { grid: rows.join('\n'), summary: `Studied on ${counts.studied} of the last ${past} days${kept}.` };
}
