import { describe, expect, it } from 'vitest';
import { dueTimes } from '../../src/reminders/due-times.ts';
import { nextReminderAt } from '../../src/reminders/next-reminder.ts';
import { reminderSlots } from '../../src/reminders/reminder-slots.ts';

describe('the local times due in a minute', () => {
  it('are the wall-clock minute on an ordinary day', () => {
    expect(dueTimes(new Date('2026-05-11T17:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-05-11', weekday: 1, hhmms: ['1900'] });
  });

  it('include every minute of a spring gap at the first minute after it', () => {
    const due = dueTimes(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin');
    expect(due.hhmms).toHaveLength(61);
    expect(due.hhmms[0]).toBe('0200');
    expect(due.hhmms.at(-1)).toBe('0300');
  });

  it('are the repeated minute once each time an autumn overlap shows it', () => {
    expect(dueTimes(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin').hhmms).toEqual(['0230']);
    expect(dueTimes(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin').hhmms).toEqual(['0230']);
    expect(dueTimes(new Date('2026-10-25T01:00:00Z'), 'Europe/Berlin').hhmms).toEqual(['0200']);
  });

  it('include midnight where a zone skips it', () => {
    // America/Santiago moved its clocks from 00:00 to 01:00 on 6 September 2026 (the 5th at 24:00 local).
    const due = dueTimes(new Date('2026-09-06T04:00:00Z'), 'America/Santiago');
    expect(due.date).toBe('2026-09-06');
    expect(due.hhmms[0]).toBe('0000');
    expect(due.hhmms.at(-1)).toBe('0100');
  });
});

describe('the reminders a learner asked for', () => {
  it('are the daily one while on and the streak warning hours before midnight, in their own zone first', () => {
    const reminder = { time: '19:30', weekdays: [1, 2, 3, 4, 5], on: true };
    expect(reminderSlots({ timeZone: 'Asia/Tokyo', reminderTimeZone: 'UTC', reminder, streakWarningHours: 3 })).toEqual([
      { kind: 'daily', hhmm: '1930', timeZone: 'Asia/Tokyo' },
      { kind: 'streak', hhmm: '2100', timeZone: 'Asia/Tokyo' },
    ]);
    expect(reminderSlots({ reminderTimeZone: 'UTC', reminder: { ...reminder, on: false } })).toEqual([]);
    expect(reminderSlots({ reminder })).toEqual([]);
  });

  it('come next on the next chosen weekday, today if the time is still ahead', () => {
    const weekdays = { time: '07:05', weekdays: [1, 2, 3, 4, 5], on: true };
    expect(nextReminderAt(weekdays, 'UTC', new Date('2026-05-11T07:00:00Z'))).toEqual(new Date('2026-05-11T07:05:00Z'));
    expect(nextReminderAt(weekdays, 'UTC', new Date('2026-05-15T08:00:00Z'))).toEqual(new Date('2026-05-18T07:05:00Z')); // Friday → Monday
    expect(nextReminderAt({ ...weekdays, time: '02:30' }, 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'))).toEqual(
      new Date('2026-03-30T00:30:00Z'),
    ); // Sunday the 29th is not a weekday: Monday 02:30 CEST
  });
});
