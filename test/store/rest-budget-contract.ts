import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKeys } from '../../src/store/keys.ts';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import { captureLog } from '../support/capture-log.ts';
import type { BackendUnderTest } from './backends.ts';

const minute = 29_600_000;

/** The global REST budget's shared state: one schedule of send slots and one count of refused requests, whichever store asks. */
export function restBudgetContract(backend: BackendUnderTest) {
  describe(`the REST budget on ${backend.name}`, () => {
    const { log, lines } = captureLog();
    let stores: StudyStore[];
    let url: string;

    beforeEach(async () => {
      url = await backend.freshStore();
      stores = [await openStudyStore(url, log), await openStudyStore(url, log)];
    });
    afterEach(async () => void (await Promise.all(stores.map((store) => store.close()))));

    it('gives 40 concurrent reservations from two stores 40 different slots, one interval apart', async () => {
      const intervalMs = 60_000; // long enough that the moments at which the reservations run do not matter
      const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.restBudget.reserveSlot(intervalMs)));
      const slots = waits.map((wait) => Math.round(wait / intervalMs)).sort((a, b) => a - b);
      expect(slots).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });

    it('frees the schedule once its last slot has passed: the next reservation may send at once', async () => {
      expect(await stores[0]!.restBudget.reserveSlot(30)).toBe(0);
      expect(await stores[1]!.restBudget.reserveSlot(30)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await stores[1]!.restBudget.reserveSlot(30)).toBe(0);
    });

    it('starts a new schedule over a damaged one, and counts on from 0 over a damaged count', async () => {
      await backend.writeRaw(url, storeKeys.restSlots, 'not a number');
      await backend.writeRaw(url, storeKeys.invalidRequests(minute), 'not a number');

      expect(await stores[0]!.restBudget.reserveSlot(30)).toBe(0);
      await stores[0]!.restBudget.addInvalidRequests(minute, 2);
      expect(await stores[0]!.restBudget.invalidRequestsIn(minute, 1)).toBe(2);
    });

    it('adds up refused requests from two stores by minute, over the minutes asked for, and forgets old minutes', async () => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % 2]!.restBudget.addInvalidRequests(minute - (i % 5), 2)));
      await stores[0]!.restBudget.addInvalidRequests(minute - 20, 7);

      expect(await stores[1]!.restBudget.invalidRequestsIn(minute, 10)).toBe(100);
      expect(await stores[1]!.restBudget.invalidRequestsIn(minute - 2, 2)).toBe(40);
      await stores[0]!.restBudget.forgetInvalidRequestsBefore(minute - 3, 20);
      expect(await stores[1]!.restBudget.invalidRequestsIn(minute, 10)).toBe(80);
      expect(await stores[1]!.restBudget.invalidRequestsIn(minute, 30)).toBe(80);
    });

    it('treats a corrupt count as none and says so', async () => {
      await stores[0]!.restBudget.addInvalidRequests(minute, 3);
      await backend.writeRaw(url, storeKeys.invalidRequests(minute - 1), 'not a number');

      expect(await stores[0]!.restBudget.invalidRequestsIn(minute, 10)).toBe(3);
      expect(lines().some((line) => line.msg === 'ignoring a corrupt stored count' && line.key === storeKeys.invalidRequests(minute - 1))).toBe(true);
    });
  });
}
