import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { dailyTimeFromCron } from '../../src/config/daily-cron.ts';
import { dueDate, nextPostTime } from '../../src/schedule/due.ts';
import { everyDay, weekdaysOnly, type ScheduleConfig } from '../../src/store/schedule-values.ts';

const schedule = (time: string, timeZone: string, weekdays = everyDay, paused = false): ScheduleConfig => ({
  channelId: '123456789012345678',
  time,
  timeZone,
  weekdays,
  paused,
});

/** Every minute between two instants at which the post is due, as [UTC instant, local date]; the first of each date is when it posts. */
function firstDueMinutes(config: ScheduleConfig, fromIso: string, toIso: string): Array<[string, string]> {
  const firsts = new Map<string, string>();
  for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 60_000) {
    const date = dueDate(config, new Date(t));
    if (date && !firsts.has(date)) firsts.set(date, new Date(t).toISOString());
  }
  return [...firsts].map(([date, at]) => [at, date]);
}

describe('when the lesson of the day is due', () => {
  it("is due from the post time on, in the server's own time zone", () => {
    expect(firstDueMinutes(schedule('09:00', 'Asia/Tokyo'), '2026-05-10T20:00:00Z', '2026-05-11T02:00:00Z')).toEqual([
      ['2026-05-11T00:00:00.000Z', '2026-05-11'],
    ]);
  });

  it('posts at the first minute after a spring-forward gap in America/New_York', () => {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens.
    expect(firstDueMinutes(schedule('02:30', 'America/New_York'), '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z')).toEqual([
      ['2026-03-08T07:00:00.000Z', '2026-03-08'],
    ]);
  });

  it('posts once, at the first occurrence, on a fall-back overlap in America/New_York', () => {
    // 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(firstDueMinutes(schedule('01:30', 'America/New_York'), '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z')).toEqual([
      ['2026-11-01T05:30:00.000Z', '2026-11-01'],
    ]);
  });

  it('handles the gap and the overlap in Europe/Berlin', () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST; 2026-10-25: 02:30 happens at 00:30Z and 01:30Z.
    expect(firstDueMinutes(schedule('02:15', 'Europe/Berlin'), '2026-03-28T23:00:00Z', '2026-03-29T03:00:00Z')).toEqual([
      ['2026-03-29T01:00:00.000Z', '2026-03-29'],
    ]);
    expect(firstDueMinutes(schedule('02:30', 'Europe/Berlin'), '2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z')).toEqual([
      ['2026-10-25T00:30:00.000Z', '2026-10-25'],
    ]);
  });

  it('skips weekends on a weekdays schedule, and everything while paused', () => {
    // 2026-05-09 is a Saturday.
    expect(dueDate(schedule('09:00', 'UTC', weekdaysOnly), new Date('2026-05-09T10:00:00Z'))).toBeUndefined();
    expect(dueDate(schedule('09:00', 'UTC', weekdaysOnly), new Date('2026-05-11T10:00:00Z'))).toBe('2026-05-11');
    expect(dueDate(schedule('09:00', 'UTC', everyDay, true), new Date('2026-05-11T10:00:00Z'))).toBeUndefined();
  });
});

describe('the next post time', () => {
  it("is today's time when today's post is still to come, tomorrow's once it is made", () => {
    const config = schedule('18:30', 'Europe/Berlin');
    expect(nextPostTime(config, new Date('2026-05-11T08:00:00Z'))?.toISOString()).toBe('2026-05-11T16:30:00.000Z');
    expect(nextPostTime(config, new Date('2026-05-11T17:00:00Z'), '2026-05-11')?.toISOString()).toBe('2026-05-12T16:30:00.000Z');
  });

  it('jumps a weekend and lands where dueDate would on a DST gap day', () => {
    expect(nextPostTime(schedule('09:00', 'UTC', weekdaysOnly), new Date('2026-05-08T10:00:00Z'), '2026-05-08')?.toISOString()).toBe(
      '2026-05-11T09:00:00.000Z',
    );
    expect(nextPostTime(schedule('02:30', 'America/New_York'), new Date('2026-03-07T12:00:00Z'), '2026-03-07')?.toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(nextPostTime(schedule('03:10', 'America/New_York'), new Date('2026-03-07T12:00:00Z'), '2026-03-07')?.toISOString()).toBe(
      '2026-03-08T07:10:00.000Z',
    );
  });

  it('is none while paused', () => {
    expect(nextPostTime(schedule('09:00', 'UTC', everyDay, true), new Date())).toBeUndefined();
  });
});

describe('STUDY_CRON as the default daily schedule', () => {
  it('reads the time of day and the days of the week', () => {
    expect(dailyTimeFromCron('0 9 * * *')).toEqual({ time: '09:00', weekdays: everyDay });
    expect(dailyTimeFromCron('30 7 * * mon-fri')).toEqual({ time: '07:30', weekdays: weekdaysOnly });
    expect(dailyTimeFromCron('0 15 18 * * 0,6')).toEqual({ time: '18:15', weekdays: [0, 6] });
  });

  it('refuses at start-up an expression that is not daily or weekly', () => {
    expect(() => parseConfig({ DISCORD_TOKEN: 't', STUDY_CRON: '0 9 1 * *' })).toThrow(/STUDY_CRON must leave day-of-month and month as \*/);
    expect(() => parseConfig({ DISCORD_TOKEN: 't', STUDY_CRON: '0 9 L * *' })).toThrow(/STUDY_CRON must use plain numbers/);
  });
});
