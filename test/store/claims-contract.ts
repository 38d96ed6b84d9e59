import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import type { DailyPost } from '../../src/store/schedule-values.ts';
import { captureLog } from '../support/capture-log.ts';
import type { BackendUnderTest } from './backends.ts';

const claimedBy = (token: string, claimedAt = 1_000): DailyPost => ({
  state: 'claimed',
  token,
  claimedAt,
  lessonId: 'p1-l1',
  channelId: '900',
  attempts: 0,
});

/** The daily post's claim and take-over: exactly one winner on every backend, whichever store asks. */
export function claimsContract(backend: BackendUnderTest) {
  describe(`daily post claims on ${backend.name}`, () => {
    const { log } = captureLog();
    const opened: StudyStore[] = [];
    let stores: StudyStore[];
    let url: string;

    beforeEach(async () => {
      url = await backend.freshStore();
      for (let i = 0; i < 2; i++) opened.push(await openStudyStore(url, log));
      stores = [...opened];
    });
    afterEach(async () => void (await Promise.all(opened.splice(0).map((store) => store.close()))));

    /** 60 attempts, alternating between the two stores, all started together: who got true. */
    async function race(attempt: (store: StudyStore, token: string) => Promise<boolean>): Promise<string[]> {
      const tokens = Array.from({ length: 60 }, (_, i) => `token-${i}`);
      const won = await Promise.all(tokens.map((token, i) => attempt(stores[i % 2]!, token)));
      return tokens.filter((_, i) => won[i]);
    }

    it("gives each day's claim to exactly one of 60 concurrent claimants on two stores, and stores the winner's", async () => {
      for (const date of ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15']) {
        const winners = await race((store, token) => store.schedules.claimPost('111', date, claimedBy(token)));
        expect(winners).toHaveLength(1);
        expect((await stores[1]!.schedules.getPost('111', date))?.token).toBe(winners[0]);
      }
    });

    it("lets exactly one of 60 concurrent takers on two stores take over a stale claim, and stores the winner's", async () => {
      await stores[0]!.schedules.claimPost('111', '2026-05-11', claimedBy('a-process-that-died'));
      const stale = (await stores[0]!.schedules.getPost('111', '2026-05-11'))!;
      const winners = await race((store, token) => store.schedules.takeOverPost('111', '2026-05-11', stale, claimedBy(token, 9_000)));
      expect(winners).toHaveLength(1);
      expect((await stores[1]!.schedules.getPost('111', '2026-05-11'))?.token).toBe(winners[0]);
    });

    it('lets exactly one of 60 concurrent takers retry a day whose post is due for a retry', async () => {
      const retry: DailyPost = { ...claimedBy('first'), state: 'retry', attempts: 2, nextAttemptAt: 5_000, error: 'Discord answered 503' };
      await stores[0]!.schedules.setPost('111', '2026-05-11', retry);
      const winners = await race((store, token) =>
        store.schedules.takeOverPost('111', '2026-05-11', retry, { ...retry, state: 'claimed', token, claimedAt: 6_000 }),
      );
      expect(winners).toHaveLength(1);
    });

    it('takes over a record as getPost read it, whatever order its fields were stored in and with defaults left out', async () => {
      await backend.writeRaw(
        url,
        'post:111:2026-05-11',
        '{"value":{"channelId":"900","lessonId":"p1-l1","claimedAt":1000,"token":"old","state":"claimed"}}',
      );
      const stored = (await stores[0]!.schedules.getPost('111', '2026-05-11'))!;
      expect(await stores[1]!.schedules.takeOverPost('111', '2026-05-11', stored, claimedBy('new', 9_000))).toBe(true);
      expect(await stores[0]!.schedules.getPost('111', '2026-05-11')).toEqual(claimedBy('new', 9_000));
    });

    it('refuses to take over a record that has changed since it was read, or that is not there', async () => {
      await stores[0]!.schedules.claimPost('111', '2026-05-11', claimedBy('old'));
      const seen = (await stores[0]!.schedules.getPost('111', '2026-05-11'))!;
      await stores[1]!.schedules.setPost('111', '2026-05-11', { ...seen, state: 'sent', messageId: '42' });
      expect(await stores[0]!.schedules.takeOverPost('111', '2026-05-11', seen, claimedBy('late'))).toBe(false);
      expect(await stores[0]!.schedules.takeOverPost('111', '2026-05-12', seen, claimedBy('late'))).toBe(false);
      expect((await stores[1]!.schedules.getPost('111', '2026-05-11'))?.state).toBe('sent');
      expect(await stores[1]!.schedules.getPost('111', '2026-05-12')).toBeUndefined();
    });

    it("gives each local date's reminder to exactly one of 60 concurrent claimants on two stores, and never an earlier date again", async () => {
      const at = new Date('2026-05-11T18:00:00Z');
      for (const date of ['2026-05-11', '2026-05-12', '2026-05-13']) {
        const winners = await race((store) => store.reminders.claim('daily', '222', date, at));
        expect(winners).toHaveLength(1);
      }
      expect(await stores[0]!.reminders.claim('daily', '222', '2026-05-12', at)).toBe(false);
      expect(await stores[1]!.reminders.claim('streak', '222', '2026-05-13', at)).toBe(true);
    });

    it('replaces a corrupt reminder claim for exactly one of 60 concurrent claimants', async () => {
      await backend.writeRaw(url, 'reminded:daily:222', '{"value":{"date":"not a date"}}');
      const winners = await race((store) => store.reminders.claim('daily', '222', '2026-05-11', new Date('2026-05-11T18:00:00Z')));
      expect(winners).toHaveLength(1);
    });

    it('lets exactly one of 60 concurrent confirmations on two stores take a pending reset, with its reason', async () => {
      await stores[0]!.audit.setPendingReset('111', '333', '444', 'starting again', new Date('2026-05-11T18:00:00Z'));
      const taken = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 2]!.audit.takePendingReset('111', '333', '444')));
      expect(taken.filter((pending) => pending !== undefined)).toEqual([{ reason: 'starting again', at: Date.parse('2026-05-11T18:00:00Z') }]);
      expect(await stores[1]!.audit.takePendingReset('111', '333', '444')).toBeUndefined();
    });

    it("gives each server's weekly recap to exactly one of 60 concurrent claimants on two stores, and one taker of a stale claim", async () => {
      const claim = (i: number) => ({ state: 'claimed' as const, claimedAt: i, claimant: { host: 'h', pid: i }, attempts: 0 });
      const won = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 2]!.recaps.claimWeek('111', '2026-W20', claim(i))));
      expect(won.filter(Boolean)).toHaveLength(1);
      const stored = (await stores[1]!.recaps.getWeek('111', '2026-W20'))!;
      expect(stored).toEqual(claim(won.indexOf(true)));
      const takers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => stores[i % 2]!.recaps.replaceWeek('111', '2026-W20', stored, claim(100 + i))),
      );
      expect(takers.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly one of 60 concurrent claimants on two stores give a learner a milestone role, and a new role is a new claim', async () => {
      const at = new Date('2026-05-11T18:00:00Z');
      const [graduateRole, newRole] = ['1234567890123456789', '1234567890123456790'];
      const won = await Promise.all(
        Array.from({ length: 60 }, (_, i) => stores[i % 2]!.milestones.claimGiven('111', '444', 'mlops1', graduateRole, at)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(
        await stores[1]!.milestones.givenTo('111', '444', [
          { milestone: 'mlops1', roleId: graduateRole },
          { milestone: 'mlops1', roleId: newRole },
        ]),
      ).toEqual([true, false]);
      expect(await stores[0]!.milestones.claimGiven('111', '444', 'mlops1', newRole, at)).toBe(true);
    });
  });
}
