import type { ScheduleConfig } from '../store/schedule-values.ts';
import type { PostOutcome } from './post-for-day.ts';

export interface EffectiveSchedule {
  config: ScheduleConfig;
  /** True when the server has no schedule of its own and the environment's default applies. */
  isDefault: boolean;
}

/** What handlers may do with the lesson of the day (`/schedule`): not run the poster's ticks. */
export interface LessonOfTheDay {
  /** The server's own schedule, else the environment's default when its channel is in the server. */
  scheduleOf(guildId: string): Promise<EffectiveSchedule | undefined>;
  /** Posts today's lesson now (it counts as today's post), whatever the time, day or pause of the schedule; not while bulk sending is paused. */
  postNow(guildId: string, config: ScheduleConfig): Promise<PostOutcome>;
  /** Forgets what this process remembers of a server's posts, after its schedule changed. */
  forget(guildId: string): void;
}
