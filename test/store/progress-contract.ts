import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeLesson, getCompletions } from '../../src/progress/completions.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore, type StudyStore } from '../../src/store/study-store.ts';
import { captureLog } from '../support/capture-log.ts';
import { makeCourse, manualClock } from '../support/fixtures.ts';
import type { BackendUnderTest } from './backends.ts';
import { startSecondProcess } from './second-process.ts';

/** Progress and listings: the same behaviour on every backend. */
export function progressContract(backend: BackendUnderTest) {
  describe(`progress on ${backend.name}`, () => {
    const { log, lines } = captureLog();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const big = makeCourse(300);
    const opened: StudyStore[] = [];
    let url: string;
    const open = async () => {
      const store = await openStudyStore(url, log);
      opened.push(store);
      return store;
    };
    const schedule = (guildId: string) => ({
      channelId: `${guildId}000000000000000`,
      time: '09:00',
      timeZone: 'UTC',
      weekdays: everyDay,
      paused: false,
    });

    beforeEach(async () => void (url = await backend.freshStore()));
    afterEach(async () => void (await Promise.all(opened.splice(0).map((store) => store.close()))));

    it('keeps progress, rosters and schedules across a close and reopen', async () => {
      const first = await open();
      await completeLesson(first, clock, 'ada', big.lessons[1]!);
      await first.touchLearner('111', 'ada', clock.now());
      await first.schedules.set('111', schedule('111'));
      await first.close();
      const again = await open();
      expect(await getCompletions(again, big, 'ada')).toEqual(new Map([['p1-l2', clock.now()]]));
      expect(await again.listLearners('111')).toEqual(['ada']);
      expect(await again.schedules.get('111')).toEqual(schedule('111'));
    });

    it('reads back each completion the moment it is written, and only the lessons completed', async () => {
      const store = await open();
      for (const [i, lesson] of big.lessons.slice(0, 12).entries()) {
        await completeLesson(store, clock, 'ada', lesson);
        expect([...(await getCompletions(store, big, 'ada')).keys()]).toEqual(big.lessons.slice(0, i + 1).map((done) => done.id));
      }
      expect((await getCompletions(store, big, 'bo')).size).toBe(0);
    });

    it("reads a learner's own completions of the course's lessons only: not another learner's whose id starts with theirs, nor a lesson the course has dropped", async () => {
      const store = await open();
      const small = makeCourse(3);
      await completeLesson(store, clock, '12', small.lessons[0]!);
      await completeLesson(store, clock, '123', small.lessons[1]!);
      await completeLesson(store, clock, '12', big.lessons[200]!); // in the big course only
      expect([...(await getCompletions(store, small, '12')).keys()]).toEqual(['p1-l1']);
      expect([...(await getCompletions(store, small, '123')).keys()]).toEqual(['p1-l2']);
    });

    it('loses none of 200 concurrent completions by one learner', async () => {
      const store = await open();
      await Promise.all(big.lessons.slice(0, 200).map((lesson) => completeLesson(store, clock, 'ada', lesson)));
      expect((await getCompletions(store, big, 'ada')).size).toBe(200);
    });

    it('loses none of the concurrent completions by 100 learners', async () => {
      const store = await open();
      const learners = Array.from({ length: 100 }, (_, i) => `learner-${i}`);
      await Promise.all(learners.flatMap((id) => big.lessons.slice(0, 3).map((lesson) => completeLesson(store, clock, id, lesson))));
      const counts = await Promise.all(learners.map(async (id) => (await getCompletions(store, big, id)).size));
      expect(counts).toEqual(learners.map(() => 3));
    });

    it('loses nothing when two stores, on connections of their own, complete lessons for one learner at once', async () => {
      const [one, two] = [await open(), await open()];
      await Promise.all([
        ...big.lessons.slice(0, 200).map((lesson) => completeLesson(one, clock, 'ada', lesson)),
        ...big.lessons.slice(100, 300).map((lesson) => completeLesson(two, clock, 'ada', lesson)),
      ]);
      expect((await getCompletions(await open(), big, 'ada')).size).toBe(300);
    });

    it('loses nothing when another OS process completes lessons for the same learner at the same time, and that process exits once it closes its store', async () => {
      const store = await open();
      const other = await startSecondProcess(
        url,
        'ada',
        big.lessons.slice(0, 200).map((lesson) => lesson.id),
      );
      const [how] = await Promise.all([other.go(), ...big.lessons.slice(100, 300).map((lesson) => completeLesson(store, clock, 'ada', lesson))]);
      expect(how).toBe('exited 0');
      expect((await getCompletions(store, big, 'ada')).size).toBe(300);
    }, 30_000);

    it("lists a server's roster, and only that server's, however many learners it has", async () => {
      const store = await open();
      const many = Array.from({ length: 1500 }, (_, i) => `learner-${String(i).padStart(4, '0')}`);
      await Promise.all(many.map((id) => store.touchLearner('111', id, clock.now())));
      await Promise.all([
        store.touchLearner('222', 'ada', clock.now()),
        store.touchLearner('1111', 'bo', clock.now()),
        store.touchLearner('111', many[0]!, clock.now()),
      ]);
      expect((await store.listLearners('111')).sort()).toEqual(many);
      expect(await store.listLearners('222')).toEqual(['ada']);
      expect(await store.listLearners('11')).toEqual([]);
    });

    it("lists every server's schedule and nothing else, skipping a corrupt one", async () => {
      const store = await open();
      await Promise.all(['111', '222', '333'].map((guildId) => store.schedules.set(guildId, schedule(guildId))));
      await store.schedules.setPointer('111', { nextLessonId: 'p1-l2' });
      await backend.writeRaw(url, 'schedule:444', '{"value":{"channelId":7}}');
      expect(await store.schedules.list()).toEqual(new Map(['111', '222', '333'].map((guildId) => [guildId, schedule(guildId)])));
      expect(
        lines()
          .filter((line) => line.msg === 'ignoring a corrupt stored value')
          .map((line) => line.key),
      ).toContain('schedule:444');
    });

    it('treats a corrupt value as absent and logs it', async () => {
      const store = await open();
      await completeLesson(store, clock, 'cy', big.lessons[2]!);
      await backend.writeRaw(url, 'completion:cy:p1-l1', '{not json');
      await backend.writeRaw(url, 'completion:cy:p1-l2', '{"value":{"completedAt":"yesterday"}}');
      expect([...(await getCompletions(store, big, 'cy')).keys()]).toEqual(['p1-l3']);
      const warned = lines()
        .filter((line) => line.msg === 'ignoring a corrupt stored value')
        .map((line) => line.key);
      expect(warned).toEqual(expect.arrayContaining(['completion:cy:p1-l1', 'completion:cy:p1-l2']));
    });
  });
}
