import { weekdaysOnly } from '../store/schedule-values.ts';

export function describeDays(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return 'every day';
  if (weekdays.join() === weekdaysOnly.join()) return 'weekdays';
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return weekdays.map((day) => names[day]).join(', ');
}
