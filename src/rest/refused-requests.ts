import type { Clock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';
import type { RestBudgetStore } from '../store/rest-budget-store.ts';

/** Discord's limit: after 10,000 answers of 401, 403 or 429 from one IP address in 10 minutes, Cloudflare bans it for an hour. */
export const discordBanLimit = 10_000;
export const windowMinutes = 10;
/** Bulk sending pauses at half of Discord's limit: room for every process's requests still in flight. */
const defaultPauseAt = discordBanLimit / 2;

const minuteOf = (clock: Clock) => Math.floor(clock.now().getTime() / 60_000);

/** Counted by Discord's invalid-request limit; a 429 of a shared resource limit is not. */
export function isRefused(status: number, scope: string | null): boolean {
  return status === 401 || status === 403 || (status === 429 && scope !== 'shared');
}

export interface RefusedRequestOptions {
  store: RestBudgetStore;
  clock: Clock;
  log: Log;
  pauseAt?: number;
}

/**
 * The bot's count of refused requests over the last 10 minutes, shared by every process
 * through the store (counted bot-wide, the count of every IP the bot uses is at most this).
 * Each process adds its own once a second and reads back the total.
 */
export function createRefusedRequestCount({ store, clock, log, pauseAt = defaultPauseAt }: RefusedRequestOptions) {
  let unsaved = 0;
  /** Counted here and being added to the store: still counted until the store's total includes it. */
  let saving = 0;
  let total = 0;
  let lastMinute: number | undefined;
  let storeFailing = false;
  const current = () => total + saving + unsaved;
  /** A store that cannot be reached is said once, not every second, and its return too. */
  function storeAnswered(error?: unknown) {
    if (error && !storeFailing)
      log.warn({ err: error }, 'could not share the count of refused requests through the store; counting in this process until it answers');
    if (!error && storeFailing) log.info('sharing the count of refused requests through the store again');
    storeFailing = error !== undefined;
  }
  async function sync(): Promise<number> {
    const minute = minuteOf(clock);
    saving = unsaved;
    unsaved = 0;
    try {
      if (saving > 0) await store.addInvalidRequests(minute, saving);
    } catch (error) {
      unsaved += saving;
      saving = 0;
      storeAnswered(error);
      return current();
    }
    try {
      if (minute !== lastMinute) await store.forgetInvalidRequestsBefore(minute - windowMinutes + 1, windowMinutes);
      lastMinute = minute;
      total = await store.invalidRequestsIn(minute, windowMinutes);
      storeAnswered();
    } catch (error) {
      total += saving;
      storeAnswered(error);
    }
    saving = 0;
    return current();
  }
  return {
    pauseAt,
    record(status: number, scope: string | null): void {
      if (isRefused(status, scope)) unsaved += 1;
    },
    /** This process's latest view of the bot's count: the store's total and what it has not saved yet. */
    current,
    sync,
  };
}

export type RefusedRequestCount = ReturnType<typeof createRefusedRequestCount>;
