import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStudyStore } from '../../src/store/study-store.ts';
import { captureLog } from '../support/capture-log.ts';
import { startPostgres } from '../support/servers.ts';
import { postgresUnderTest } from './backends.ts';
import { claimsContract } from './claims-contract.ts';
import { progressContract } from './progress-contract.ts';
import { restBudgetContract } from './rest-budget-contract.ts';

const backend = postgresUnderTest();
beforeAll(backend.start);
afterAll(backend.stop);

progressContract(backend);
claimsContract(backend);
restBudgetContract(backend);

describe('the store on PostgreSQL', () => {
  it('finds keys by prefix through an index, not by reading the whole table', async () => {
    const url = await backend.freshStore();
    await (await openStudyStore(url, captureLog().log)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = (await client.query('EXPLAIN SELECT key FROM public.keyv WHERE key LIKE $1', ['study:roster:111:%'])).rows
        .map((row) => String(row['QUERY PLAN']))
        .join('\n');
      expect(plan).toMatch(/Index/);
      expect(plan).not.toMatch(/Seq Scan/);
    } finally {
      await client.end();
    }
  });

  it('logs its server going away rather than crashing, fails the next write, and closes at once', async () => {
    const doomed = await startPostgres();
    onTestFinished(() => doomed.stop()); // stopping twice is harmless
    const { log, lines } = captureLog();
    const store = await openStudyStore(doomed.url, log);
    await store.setCompletion('ada', 'p1-l1', new Date());
    await doomed.stop();
    await expect(store.setCompletion('ada', 'p1-l2', new Date())).rejects.toThrow();
    const closing = Date.now();
    await store.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    const logged = () =>
      lines()
        .filter((line) => line.msg === 'store error')
        .map((line) => (line.err as { message: string }).message);
    await expect.poll(logged).toContain('terminating connection due to administrator command');
  });

  it('says which STORE_URL it cannot reach, without its password', async () => {
    const opening = openStudyStore('postgres://study:s3cret@127.0.0.1:1/study', captureLog().log);
    await expect(opening).rejects.toThrow(/^Cannot open the store at STORE_URL postgres:\/\/study:\*\*\*@127\.0\.0\.1:1\/study: .*ECONNREFUSED/);
    await expect(opening).rejects.toMatchObject({ name: 'StoreError' });
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
