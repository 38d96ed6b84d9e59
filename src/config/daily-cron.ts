import cron from 'node-cron';

const pad = (value: number) => String(value).padStart(2, '0');
const allNumbers = (values: unknown[]): values is number[] => values.every((value) => typeof value === 'number');

/**
 * Reads STUDY_CRON as a daily schedule: the first time of day it names, on the days of the
 * week it names. Returns a reason instead when the expression cannot be read that way
 * (day-of-month or month restrictions, or L / W / # modifiers).
 */
export function dailyTimeFromCron(expression: string): { time: string; weekdays: number[] } | { reason: string } {
  const fields = cron.parse(expression);
  if (!allNumbers(fields.hour) || !allNumbers(fields.minute) || !allNumbers(fields.dayOfWeek) || !allNumbers(fields.dayOfMonth))
    return { reason: 'must use plain numbers, ranges, lists or steps (no L, W or #)' };
  if (fields.dayOfMonth.length !== 31 || fields.month.length !== 12)
    return { reason: 'must leave day-of-month and month as * (the lesson of the day is daily or weekly)' };
  const hour = Math.min(...fields.hour);
  const minute = Math.min(...fields.minute);
  const weekdays = [...new Set(fields.dayOfWeek.map((day) => day % 7))].sort();
  return { time: `${pad(hour)}:${pad(minute)}`, weekdays };
}
