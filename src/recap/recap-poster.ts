import pLimit from 'p-limit';
import type { EffectiveSchedule } from '../schedule/lesson-of-the-day.ts';
import { postRecap } from './post-recap.ts';
import type { RecapDeps, RecapOutcome } from './recap-claim.ts';
import { dueRecapWeek, type RecapWeek } from '../progress/recap-week.ts';
import type { ScheduleConfig } from '../store/schedule-values.ts';

export interface RecapPoster {
  /** Posts every due recap of the servers this process serves; resolves with each server's outcome once they are done. */
  tick(): Promise<Map<string, RecapOutcome>>;
}

export interface RecapPosterOptions extends RecapDeps {
  /** The lesson-of-the-day schedules of this process's servers: the recap goes to the study channel, in the schedule's zone. */
  schedules(): Promise<Map<string, EffectiveSchedule>>;
}

/**
 * Driven by the app's minute timer, as the daily poster is. A server's recap needs all its
 * learners' progress read, so only a few are read at once; the posts wait in the bulk lane.
 */
export function createRecapPoster(options: RecapPosterOptions): RecapPoster {
  const { store, sender, clock, log } = options;
  const limit = pLimit(4);
  const handledWeek = new Map<string, string>();
  const inFlight = new Map<string, Promise<RecapOutcome>>();

  function post(guildId: string, week: RecapWeek, schedule: ScheduleConfig): Promise<RecapOutcome> {
    const running = inFlight.get(guildId);
    if (running) return running;
    const job = limit(() => postRecap(options, guildId, week, schedule))
      .then((outcome) => {
        if (outcome !== 'elsewhere' && outcome !== 'later') handledWeek.set(guildId, week.week);
        return outcome;
      })
      .catch((error: unknown): RecapOutcome => {
        // Not tried again by this process this week: a fault that repeats must not repeat every minute.
        handledWeek.set(guildId, week.week);
        log.error({ guildId, week: week.week, err: error }, 'weekly recap job failed');
        return 'failed';
      })
      .finally(() => inFlight.delete(guildId));
    inFlight.set(guildId, job);
    return job;
  }

  return {
    async tick() {
      const outcomes = new Map<string, RecapOutcome>();
      if (sender.isPaused()) return outcomes;
      const recaps = [...(await store.recaps.list())].filter(([guildId]) => sender.servesGuild(guildId));
      if (recaps.length === 0) return outcomes;
      const schedules = await options.schedules();
      const now = clock.now();
      const jobs = recaps.flatMap(([guildId, recap]) => {
        const schedule = schedules.get(guildId)?.config;
        const week = schedule && dueRecapWeek(recap, schedule.timeZone, now);
        if (!schedule || !week || handledWeek.get(guildId) === week.week) return [];
        return [post(guildId, week, schedule).then((outcome) => void outcomes.set(guildId, outcome))];
      });
      await Promise.all(jobs);
      return outcomes;
    },
  };
}
