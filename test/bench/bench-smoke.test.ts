import { describe, expect, it } from 'vitest';
import { runBenchmarks, smokePlan } from './run-benchmarks.ts';

// Not a timing test: it runs every benchmark at toy size so that `npm run bench` keeps working.
// Targets are judged by `npm run bench` on a quiet machine, never here.
describe('the benchmarks, at toy size', () => {
  it('each produces its rows with measured numbers', async () => {
    const rows = await runBenchmarks(smokePlan, () => {});
    expect(rows.map((row) => row.what)).toEqual([
      'completions written, 300 learners',
      '/progress read, 300 learners, p99',
      '/progress read, 300 learners, p50',
      ...['p50', 'p99'].map((quantile) => `reviews due for one learner, 300 learners × 5 review states, ${quantile}`),
      'progress card drawn, 10 distinct cards, p50',
      'progress card drawn, 10 distinct cards, p99',
      'RSS a process adds for the cards: first card, then all',
      '/group with pacing, 20 learners in one server',
      '/admin export, 20 learners in one server',
      ...['lesson', 'progress', 'button', 'autocomplete', 'quiz', 'review'].flatMap((kind) => [`${kind} at 20/s, p50`, `${kind} at 20/s, p99`]),
      ...['p50', 'p99', 'throughput'].map((what) => `progress saturated: 40 from 10 learners, 5 in flight, ${what}`),
      'RSS, 3 servers, 300 learners',
      'RSS growth, 0.016666666666666666 min at 20/s',
      'start-up: READY to first answer, 300 learners',
      'RSS, one full shard: 3 servers shaped like real ones, 10 learners active, 300 stored',
      'RSS, one full shard: 3 servers shaped like real ones, 10 learners active, 300 stored',
      'start-up: process start to first answer, 3 servers',
      ...['one process', '4 shards', '2 machines'].map((topology) => `daily fan-out, 5 servers, ${topology} (R = 2)`),
      'reminder fan-out, 10 learners due at one minute, DMs at 50/s (R = 2, DM channels opened)',
    ]);
    for (const row of rows) expect(row.bot).toMatch(/\d/);
    for (const fanout of rows.slice(-4)) expect(fanout.bot).toMatch(/; 0 duplicates, 0 missed, 0 × 429$/);
  }, 300_000);
});
