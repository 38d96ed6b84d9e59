import { dailyTimeFromCron } from '../config/daily-cron.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';

/** The schedule for servers with none of their own, when STUDY_CHANNEL_ID is set. */
export function defaultSchedule(channelId: string, cronExpression: string, timeZone: string): ScheduleConfig {
  const daily = dailyTimeFromCron(cronExpression);
  if ('reason' in daily) throw new Error(`STUDY_CRON ${daily.reason}`);
  return { channelId, timeZone, paused: false, ...daily };
}
