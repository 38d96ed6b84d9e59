import type { RESTOptions } from 'discord.js';
import type { Clock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';
import type { RestBudgetStore } from '../store/rest-budget-store.ts';
import { budgetedRequest } from './budgeted-request.ts';
import { bulkInFlight, createBulkLane, type BulkLane } from './bulk-lane.ts';
import { createRefusedRequestCount } from './refused-requests.ts';
import { createSendSlots } from './send-slots.ts';

export interface RestBudgetOptions {
  store: RestBudgetStore;
  /** DISCORD_GLOBAL_RATE: requests a second Discord allows the bot, across all its processes. */
  ratePerSecond: number;
  clock: Clock;
  log: Log;
  /** Refused requests in 10 minutes at which bulk sending pauses (default: half of Discord's 10,000). */
  pauseAt?: number;
}

export interface RestBudget {
  /** For discord.js's REST options: the transport every request of this process goes through. */
  rest: Pick<RESTOptions, 'makeRequest' | 'globalRequestsPerSecond'>;
  /** The way for bulk senders: the lesson of the day and reminders now, recaps later. */
  bulk: BulkLane;
  close(): void;
}

/** The bot's one REST budget, shared through the store by every shard and machine. See README, "Scaling out". */
export function createRestBudget({ store, ratePerSecond, clock, log, pauseAt }: RestBudgetOptions): RestBudget {
  const slots = createSendSlots({ reserve: (intervalMs) => store.reserveSlot(intervalMs), ratePerSecond, log });
  const refused = createRefusedRequestCount({ store, clock, log, pauseAt });
  const bulk = createBulkLane({ refused, log, inFlight: bulkInFlight(ratePerSecond) });
  return {
    // discord.js's own per-process window is kept at the whole bot's rate: the shared schedule is the stricter of the two.
    rest: { makeRequest: budgetedRequest(slots, refused), globalRequestsPerSecond: ratePerSecond },
    bulk,
    close: () => bulk.close(),
  };
}
