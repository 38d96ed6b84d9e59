import pLimit from 'p-limit';
import { localTime } from '../util/time.ts';
import { dueDate } from './due.ts';
import { postForDay, type PostOutcome, type PosterDeps } from './post-for-day.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';
import type { EffectiveSchedule, LessonOfTheDay } from './lesson-of-the-day.ts';

/** The lesson of the day for the servers this process serves, driven by the app's minute timer. */
export interface DailyPoster extends LessonOfTheDay {
  /** Every server's schedule this process serves, own or default. */
  effectiveSchedules(): Promise<Map<string, EffectiveSchedule>>;
  /** Posts every due server's lesson; resolves when those posts are done. Also the catch-up at start. */
  tick(): Promise<void>;
}

export interface DailyPosterOptions extends PosterDeps {
  /** The environment's default schedule (STUDY_CHANNEL_ID, STUDY_CRON, STUDY_TIMEZONE), if set. */
  defaultSchedule?: ScheduleConfig;
  /** Posts in flight at once (their requests then wait for the bot's REST budget). */
  concurrency?: number;
}

/**
 * One timer for every server: each tick (node-cron, once a minute) reads the schedules,
 * finds the servers this process serves (its shard's) whose post is due, and posts for them through a bounded pool. Nothing is
 * kept per server but the date last posted, so 10,000 servers cost one pass a minute.
 */
export function createDailyPoster(options: DailyPosterOptions): DailyPoster {
  const { schedules, sender, clock, log } = options;
  const limit = pLimit(options.concurrency ?? 25);
  const postedDate = new Map<string, string>();
  const inFlight = new Map<string, Promise<PostOutcome>>();

  async function effectiveSchedules(): Promise<Map<string, EffectiveSchedule>> {
    const own = [...(await schedules.list())].filter(([guildId]) => sender.servesGuild(guildId));
    const all = new Map(own.map(([guildId, config]) => [guildId, { config, isDefault: false }]));
    const fallback = options.defaultSchedule;
    const defaultGuildId = fallback && sender.guildIdOf(fallback.channelId);
    if (fallback && defaultGuildId && !all.has(defaultGuildId)) all.set(defaultGuildId, { config: fallback, isDefault: true });
    return all;
  }

  function post(guildId: string, date: string, config: ScheduleConfig): Promise<PostOutcome> {
    const running = inFlight.get(guildId);
    if (running) return running;
    const job = limit(() => postForDay(options, guildId, date, config))
      .then((outcome) => {
        if (outcome.kind === 'sent' || outcome.kind === 'already' || outcome.kind === 'failed') postedDate.set(guildId, date);
        return outcome;
      })
      .catch((error: unknown): PostOutcome => {
        log.error({ guildId, date, err: error }, 'lesson of the day job failed');
        return { kind: 'later' };
      })
      .finally(() => inFlight.delete(guildId));
    inFlight.set(guildId, job);
    return job;
  }

  return {
    effectiveSchedules,
    async scheduleOf(guildId: string): Promise<EffectiveSchedule | undefined> {
      const own = await schedules.get(guildId);
      if (own) return { config: own, isDefault: false };
      const fallback = options.defaultSchedule;
      return fallback && sender.guildIdOf(fallback.channelId) === guildId ? { config: fallback, isDefault: true } : undefined;
    },
    async tick(): Promise<void> {
      // While bulk sending is paused no new day is claimed; days already under way finish once it resumes.
      if (sender.isPaused()) return;
      const now = clock.now();
      const jobs: Promise<PostOutcome>[] = [];
      for (const [guildId, { config }] of await effectiveSchedules()) {
        const date = dueDate(config, now);
        if (date && postedDate.get(guildId) !== date) jobs.push(post(guildId, date, config));
      }
      await Promise.all(jobs);
    },
    async postNow(guildId: string, config: ScheduleConfig): Promise<PostOutcome> {
      if (sender.isPaused()) return { kind: 'paused' };
      return post(guildId, localTime(clock.now(), config.timeZone).date, config);
    },
    forget(guildId: string): void {
      postedDate.delete(guildId);
    },
  };
}
