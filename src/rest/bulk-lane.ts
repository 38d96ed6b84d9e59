import pLimit from 'p-limit';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../util/log.ts';
import { discordBanLimit, windowMinutes, type RefusedRequestCount } from './refused-requests.ts';

/**
 * Bulk requests in flight per process: enough to keep the shared schedule full while each is on
 * its way (a few ms), few enough that an interaction's own request (a role to give) never waits
 * behind more than about 60 ms of reserved slots. Three at Discord's 50 a second; more for a bot
 * granted a higher limit, whose slots are closer together.
 */
export const bulkInFlight = (ratePerSecond: number) => Math.max(3, Math.ceil(ratePerSecond * 0.06));
const syncEveryMs = 1000;

export interface BulkLane {
  /** Runs one bulk request (a daily post, a reminder) once it may go: while bulk sending is paused it waits. */
  send<T>(request: () => Promise<T>): Promise<T>;
  /** Whether bulk sending is paused now (too many refused requests): new bulk work should not start. */
  isPaused(): boolean;
  close(): void;
}

/**
 * Every bulk sender's way to Discord. Before each request it checks the bot's count of refused
 * requests: a request goes only if the count stays under the pause threshold even were every
 * bulk request of this process in flight refused. At the threshold bulk sending pauses (an error
 * in the log says why) until the count over the last 10 minutes falls. Interactions never pass here.
 */
export function createBulkLane({ refused, log, inFlight = 3 }: { refused: RefusedRequestCount; log: Log; inFlight?: number }): BulkLane {
  const limit = pLimit(inFlight);
  let active = 0;
  let paused = false;
  const stopping = new AbortController();
  const timer = setInterval(() => void refused.sync().then(update), syncEveryMs);
  timer.unref();
  // A process that starts while the bot's count is high learns it before its first bulk request.
  const firstSync = refused.sync().then(update);

  function update(count: number): number {
    const mustPause = count >= refused.pauseAt;
    if (mustPause && !paused)
      log.error(
        { refused: count, pauseAt: refused.pauseAt, windowMinutes, discordBanLimit },
        `pausing bulk sends: Discord refused ${count} of the bot's requests (401, 403 or 429) in the last ${windowMinutes} minutes; at ${discordBanLimit} Cloudflare bans the bot's IP address for an hour. Sending resumes when the count falls.`,
      );
    if (!mustPause && paused) log.warn({ refused: count, pauseAt: refused.pauseAt }, 'resuming bulk sends: the count of refused requests has fallen');
    paused = mustPause;
    return count;
  }

  /**
   * Waits until one more request may go, then counts it in flight in the same step as the last
   * check: even if every request in flight were refused, the count would stay within the threshold.
   */
  async function admit(): Promise<void> {
    await firstSync;
    while (update(refused.current()) + active >= refused.pauseAt && !stopping.signal.aborted) {
      await sleep(syncEveryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      update(await refused.sync());
    }
    active += 1;
  }

  return {
    send: (request) =>
      limit(async () => {
        await admit();
        try {
          return await request();
        } finally {
          active -= 1;
        }
      }),
    isPaused: () => paused,
    close() {
      clearInterval(timer);
      stopping.abort();
    },
  };
}
