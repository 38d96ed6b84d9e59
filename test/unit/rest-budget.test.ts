import { describe, expect, it, vi } from 'vitest';
import { budgetedRequest } from '../../src/rest/budgeted-request.ts';
import { bulkInFlight, createBulkLane } from '../../src/rest/bulk-lane.ts';
import { createRefusedRequestCount, isRefused } from '../../src/rest/refused-requests.ts';
import { createSendSlots, maxDriftMs } from '../../src/rest/send-slots.ts';
import type { RestBudgetStore } from '../../src/store/rest-budget-store.ts';
import { captureLog } from '../support/capture-log.ts';
import { manualClock } from '../support/fixtures.ts';

/** A clock that only moves when a store answers or a wait ends, by as much as the test says. */
function virtualTime() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** The store's part of the budget, in memory. */
function memoryBudgetStore(): RestBudgetStore & { counts: Map<number, number> } {
  const counts = new Map<number, number>();
  return {
    counts,
    reserveSlot: async () => 0,
    addInvalidRequests: async (minute, count) => void counts.set(minute, (counts.get(minute) ?? 0) + count),
    invalidRequestsIn: async (minute, minutes) =>
      [...counts].filter(([at]) => at > minute - minutes && at <= minute).reduce((sum, [, count]) => sum + count, 0),
    forgetInvalidRequestsBefore: async (minute) => [...counts.keys()].filter((at) => at < minute).forEach((at) => counts.delete(at)),
  };
}

const quiet = captureLog().log;

describe('send slots', () => {
  it('spaces the whole bot at 95 % of its rate: one request every 21 ms at 50 a second', () => {
    expect(createSendSlots({ reserve: async () => 0, ratePerSecond: 50, log: quiet }).intervalMs).toBeCloseTo(21.05, 2);
    expect(createSendSlots({ reserve: async () => 0, ratePerSecond: 1000, log: quiet }).intervalMs).toBeCloseTo(1.053, 3);
  });

  it('waits exactly as long as the store says its slot is away', async () => {
    const time = virtualTime();
    const waits: number[] = [];
    const slots = createSendSlots({
      reserve: async () => 42,
      ratePerSecond: 50,
      log: quiet,
      now: time.now,
      wait: async (ms) => void (waits.push(ms), time.advance(ms)),
    });
    await slots.take();
    expect(waits).toEqual([42]);
  });

  it('takes a fresh slot when the store answered too slowly to know where its slot lies', async () => {
    const time = virtualTime();
    const answers = [maxDriftMs + 5, 1];
    const reserve = vi.fn(async () => (time.advance(answers.shift() ?? 1), 10));
    await createSendSlots({ reserve, ratePerSecond: 50, log: quiet, now: time.now, wait: async (ms) => time.advance(ms) }).take();
    expect(reserve).toHaveBeenCalledTimes(2);
  });

  it('takes a fresh slot rather than send late when the event loop woke it past its slot', async () => {
    const time = virtualTime();
    const lateness = [maxDriftMs + 30, 0];
    const reserve = vi.fn(async () => 10);
    await createSendSlots({
      reserve,
      ratePerSecond: 50,
      log: quiet,
      now: time.now,
      wait: async (ms) => time.advance(ms + (lateness.shift() ?? 0)),
    }).take();
    expect(reserve).toHaveBeenCalledTimes(2);
  });

  it('sends after its fourth slot even when it could keep none, rather than never', async () => {
    const time = virtualTime();
    const reserve = vi.fn(async () => (time.advance(maxDriftMs + 1), 0));
    await createSendSlots({ reserve, ratePerSecond: 50, log: quiet, now: time.now, wait: async () => {} }).take();
    expect(reserve).toHaveBeenCalledTimes(4);
  });

  it('lets requests go while the store cannot be reached, saying so once, and says when it answers again', async () => {
    const { log, lines } = captureLog();
    const reserve = vi.fn().mockRejectedValueOnce(new Error('store down')).mockRejectedValueOnce(new Error('store down')).mockResolvedValue(0);
    const slots = createSendSlots({ reserve, ratePerSecond: 50, log });
    for (let i = 0; i < 3; i += 1) await slots.take();
    expect(lines().map((line) => [line.level, line.msg])).toEqual([
      [50, "the REST budget cannot reach the store: requests go out under discord.js's own limit of this process until it answers"],
      [40, 'the REST budget reaches the store again: requests keep to the shared schedule'],
    ]);
  });

  it('gives up its wait when the request is aborted', async () => {
    const slots = createSendSlots({ reserve: async () => 60_000, ratePerSecond: 50, log: quiet });
    const aborted = AbortSignal.timeout(10);
    await expect(slots.take(aborted)).rejects.toThrow(/abort/i);
  });
});

describe('refused requests', () => {
  it('counts what Discord counts towards its ban: 401, 403, and 429 unless of a shared resource', () => {
    expect([401, 403, 429].map((status) => isRefused(status, null))).toEqual([true, true, true]);
    expect(isRefused(429, 'global')).toBe(true);
    expect(isRefused(429, 'shared')).toBe(false);
    expect([200, 204, 400, 404, 500].map((status) => isRefused(status, null))).toEqual([false, false, false, false, false]);
  });

  it('adds its count to the store by minute and reads back the whole bot’s over the last 10 minutes', async () => {
    const store = memoryBudgetStore();
    const clock = manualClock('2026-05-11T09:00:30Z');
    const count = createRefusedRequestCount({ store, clock, log: captureLog().log });
    store.counts.set(Math.floor(Date.parse('2026-05-11T08:57:00Z') / 60_000), 7); // another process, three minutes ago
    for (const status of [403, 403, 404, 401]) count.record(status, null);
    expect(count.current()).toBe(3);

    expect(await count.sync()).toBe(10);
    clock.set('2026-05-11T09:07:30Z');
    expect(await count.sync()).toBe(3); // the other process's minute has left the window
    clock.set('2026-05-11T09:10:30Z');
    expect(await count.sync()).toBe(0);
  });

  it('keeps its count when the store cannot take it, and adds it on the next try', async () => {
    const store = memoryBudgetStore();
    const failing = {
      ...store,
      addInvalidRequests: vi.fn().mockRejectedValueOnce(new Error('store down')).mockImplementation(store.addInvalidRequests),
    };
    const count = createRefusedRequestCount({ store: failing, clock: manualClock('2026-05-11T09:00:00Z'), log: captureLog().log });
    count.record(403, null);
    expect(await count.sync()).toBe(1);
    expect(await count.sync()).toBe(1);
    expect([...store.counts.values()]).toEqual([1]);
  });
});

describe('the bulk lane', () => {
  it('pauses before the count could pass the threshold, says why, and resumes when it falls', async () => {
    const store = memoryBudgetStore();
    const clock = manualClock('2026-05-11T09:00:00Z');
    const { log, lines } = captureLog();
    const refused = createRefusedRequestCount({ store, clock, log, pauseAt: 5 });
    const lane = createBulkLane({ refused, log });
    let sent = 0;
    const refusedRequest = async () => {
      sent += 1;
      refused.record(403, null);
    };
    try {
      const all = Promise.all(Array.from({ length: 8 }, () => lane.send(refusedRequest)));
      await vi.waitFor(() => expect(lane.isPaused()).toBe(true));
      expect(sent).toBe(5);
      expect(lines().find((line) => line.level === 50)).toMatchObject({
        refused: 5,
        pauseAt: 5,
        msg: expect.stringMatching(/^pausing bulk sends: Discord refused 5 .* Cloudflare bans/),
      });

      await vi.waitFor(() => expect([...store.counts.values()]).toEqual([5]), { timeout: 3000 }); // shared through the store at 09:00
      clock.set('2026-05-11T09:10:00Z');
      await all;
      expect(sent).toBe(8);
      expect(lines().some((line) => line.msg === 'resuming bulk sends: the count of refused requests has fallen')).toBe(true);
    } finally {
      lane.close();
    }
  });

  it('starts paused when the bot’s count is already high as the process starts, before its first bulk request', async () => {
    const store = memoryBudgetStore();
    const clock = manualClock('2026-05-11T09:00:00Z');
    store.counts.set(Math.floor(clock.now().getTime() / 60_000), 5); // left by another process, or this one before a restart
    const lane = createBulkLane({ refused: createRefusedRequestCount({ store, clock, log: quiet, pauseAt: 5 }), log: quiet });
    const request = vi.fn(async () => {});
    try {
      const sent = lane.send(request);
      await vi.waitFor(() => expect(lane.isPaused()).toBe(true));
      expect(request).not.toHaveBeenCalled();
      clock.set('2026-05-11T09:10:00Z');
      await sent;
      expect(request).toHaveBeenCalledOnce();
    } finally {
      lane.close();
    }
  });

  it('runs at most three bulk requests of a process at once', async () => {
    const refused = createRefusedRequestCount({ store: memoryBudgetStore(), clock: manualClock('2026-05-11T09:00:00Z'), log: captureLog().log });
    const lane = createBulkLane({ refused, log: captureLog().log });
    let running = 0;
    let most = 0;
    const request = async () => {
      most = Math.max(most, (running += 1));
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, () => lane.send(request)));
    lane.close();
    expect(most).toBe(3);
  });
});

describe('the budgeted transport', () => {
  const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers) }) as unknown as Response;

  it('makes every request signed with the bot token take a slot, and lets interaction answers straight through', async () => {
    const taken: string[] = [];
    const slots = { intervalMs: 21, take: async () => void taken.push('slot') };
    const refused = createRefusedRequestCount({ store: memoryBudgetStore(), clock: manualClock('2026-05-11T09:00:00Z'), log: captureLog().log });
    const send = vi.fn(async () => answer(200));
    const request = budgetedRequest(slots, refused, send);

    await request('https://discord.test/api/v10/channels/1/messages', { method: 'POST', headers: { Authorization: 'Bot token' } });
    await request('https://discord.test/api/v10/interactions/1/token/callback', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    await request('https://discord.test/api/v10/gateway/bot', { headers: new Headers({ authorization: 'Bot token' }) });

    expect(taken).toEqual(['slot', 'slot']);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('counts refused answers, whatever the route', async () => {
    const refused = createRefusedRequestCount({ store: memoryBudgetStore(), clock: manualClock('2026-05-11T09:00:00Z'), log: captureLog().log });
    const statuses = [403, 200, 429, 429, 401];
    const scopes = [undefined, undefined, 'global', 'shared', undefined];
    const request = budgetedRequest({ intervalMs: 21, take: async () => {} }, refused, async () => {
      const scope = scopes.shift();
      return answer(statuses.shift()!, scope ? { 'X-RateLimit-Scope': scope } : {});
    });
    for (let i = 0; i < 5; i += 1) await request('https://discord.test/api/v10/webhooks/1/token', { method: 'POST' });
    expect(refused.current()).toBe(3);
  });
});

describe('the bulk lane', () => {
  it('keeps three requests in flight at Discord’s 50 a second, and about 60 ms of slots at a higher granted rate', () => {
    expect(bulkInFlight(50)).toBe(3);
    expect(bulkInFlight(10)).toBe(3);
    expect(bulkInFlight(500)).toBe(30);
    for (const rate of [100, 500, 1000, 5000]) expect(bulkInFlight(rate) / rate).toBeLessThanOrEqual(0.061);
  });
});
