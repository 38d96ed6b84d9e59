import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../util/log.ts';

/**
 * Sends are spaced at 95 % of the limit. Discord counts its limit over any one-second span, so
 * a send that goes out up to 1000 / 0.95 − 1000 ≈ 50 ms off its slot still cannot make 51 in a
 * second; the rest of that margin is for the network.
 */
const headroom = 0.95;
/** How far off its slot a send may go: the store's answer took longer than this, or the event loop woke us this late. */
export const maxDriftMs = 15;
/** Attempts at a slot that can be kept before sending anyway (a store that is always slow to answer). */
const maxAttempts = 4;

export interface SendSlotOptions {
  /** Takes the next slot of the schedule every process shares; resolves with the ms until it begins. */
  reserve(intervalMs: number): Promise<number>;
  /** Requests a second the whole bot may make (DISCORD_GLOBAL_RATE). */
  ratePerSecond: number;
  log: Log;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
}

export interface SendSlots {
  intervalMs: number;
  /** Resolves at this request's slot in the bot's one schedule of sends. */
  take(signal?: AbortSignal): Promise<void>;
}

/**
 * One schedule of sends for the whole bot, kept in the store: every authenticated request takes
 * the next slot, one interval after the last, whichever process or machine it comes from. The
 * wait is measured on the store's clock and counted here from its answer, so clocks need not
 * agree. A send that cannot keep its slot (a slow answer, or the event loop busy when the slot
 * came) takes a fresh one rather than going out late beside the sends of the slots after it.
 * While the store cannot be reached requests go out under discord.js's own per-process limit:
 * the bot stays usable, and the log says so once.
 */
export function createSendSlots({
  reserve,
  ratePerSecond,
  log,
  now = () => performance.now(),
  wait = (ms, signal) => sleep(ms, undefined, { signal }),
}: SendSlotOptions): SendSlots {
  const intervalMs = 1000 / (ratePerSecond * headroom);
  let storeFailing = false;
  async function reserveOrNot(): Promise<number | undefined> {
    try {
      const waitMs = await reserve(intervalMs);
      if (storeFailing) log.warn('the REST budget reaches the store again: requests keep to the shared schedule');
      storeFailing = false;
      return waitMs;
    } catch (error) {
      if (!storeFailing)
        log.error(
          { err: error },
          "the REST budget cannot reach the store: requests go out under discord.js's own limit of this process until it answers",
        );
      storeFailing = true;
      return undefined;
    }
  }
  return {
    intervalMs,
    async take(signal) {
      for (let attempt = 1; ; attempt += 1) {
        const asked = now();
        const waitMs = await reserveOrNot();
        if (waitMs === undefined) return;
        const answered = now();
        const lastChance = attempt >= maxAttempts;
        if (answered - asked > maxDriftMs && !lastChance) continue;
        if (waitMs > 0) await wait(waitMs, signal);
        if (now() - (answered + waitMs) <= maxDriftMs || lastChance) return;
      }
    },
  };
}
