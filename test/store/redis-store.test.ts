import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStudyStore } from '../../src/store/study-store.ts';
import { captureLog } from '../support/capture-log.ts';
import { startRedis } from '../support/servers.ts';
import { redisUnderTest } from './backends.ts';
import { claimsContract } from './claims-contract.ts';
import { progressContract } from './progress-contract.ts';
import { restBudgetContract } from './rest-budget-contract.ts';

const backend = redisUnderTest();
beforeAll(backend.start);
afterAll(backend.stop);

progressContract(backend);
claimsContract(backend);
restBudgetContract(backend);

describe('the store on Redis', () => {
  it("keeps each fact under study::<key> in Keyv's envelope, and reconnects after its connection drops", async () => {
    const url = await backend.freshStore();
    const store = await openStudyStore(url, captureLog().log);
    const admin = createClient({ url });
    await admin.connect();
    try {
      await store.setCompletion('ada', 'p1-l1', new Date(1_000));
      expect(await admin.get('study::completion:ada:p1-l1')).toBe('{"value":{"completedAt":1000}}');
      await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']);
      // A command caught in flight when the connection drops fails; the store is back soon after.
      await expect
        .poll(
          () =>
            store.setCompletion('ada', 'p1-l2', new Date(2_000)).then(
              () => 'stored',
              (error: Error) => error.message,
            ),
          { timeout: 5_000 },
        )
        .toBe('stored');
      expect(await store.getCompletions('ada', ['p1-l1', 'p1-l2'])).toEqual(
        new Map([
          ['p1-l1', new Date(1_000)],
          ['p1-l2', new Date(2_000)],
        ]),
      );
    } finally {
      await admin.close();
      await store.close();
    }
  });

  it('closes at once when its server has gone, failing the write still waiting for it', async () => {
    const doomed = await startRedis();
    onTestFinished(() => doomed.stop()); // stopping twice is harmless
    const store = await openStudyStore(doomed.url, captureLog().log);
    await doomed.stop();
    const waiting = store.setCompletion('ada', 'p1-l1', new Date());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closing = Date.now();
    await store.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    await expect(waiting).rejects.toThrow();
  });

  it('says which STORE_URL it cannot reach, without its password', async () => {
    const opening = openStudyStore('redis://:s3cret@127.0.0.1:1', captureLog().log);
    await expect(opening).rejects.toThrow(/^Cannot open the store at STORE_URL redis:\/\/:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/);
    await expect(opening).rejects.toMatchObject({ name: 'StoreError' });
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
