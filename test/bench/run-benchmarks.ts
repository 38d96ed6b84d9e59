// `npm run bench`: every benchmark, side by side with its baseline or ceiling, as a table.
// `npm run bench -- --quick` is the small smoke run (seconds, not minutes).
import { cpus, totalmem } from 'node:os';
import { benchFanout } from './fanout.ts';
import { benchInteractions } from './interaction-latency.ts';
import { benchMemoryAndStartup } from './memory-startup.ts';
import { fanoutRows, latencyRows, markdownTable, memoryRows, storeRows, type Row } from './report.ts';
import { benchStore } from './store-throughput.ts';

export const fullPlan = { rates: [200, 1000], loadMs: 5000, fanouts: [1000, 10_000], learners: 100_000, writes: 20_000, reads: 5000, servers: 1000, soakRate: 100, soakMs: 10 * 60_000, warmupMs: 2000 };
export const quickPlan = { rates: [50], loadMs: 1000, fanouts: [20], learners: 2000, writes: 500, reads: 200, servers: 10, soakRate: 20, soakMs: 4000, warmupMs: 1000 };
/** What `npm test` runs so the benchmarks cannot rot: every one, tiny. */
export const smokePlan = { rates: [20], loadMs: 500, fanouts: [5], learners: 300, writes: 100, reads: 30, servers: 3, soakRate: 20, soakMs: 1000, warmupMs: 100 };

export async function runBenchmarks(plan: typeof fullPlan, log: (line: string) => void = console.log): Promise<Row[]> {
  const rows: Row[] = [];
  log('store…');
  rows.push(...storeRows(await benchStore(plan.learners, plan.writes, plan.reads)));
  log('interaction latency…');
  rows.push(...latencyRows(await benchInteractions(['lesson', 'progress', 'button', 'autocomplete'], plan.rates, plan.loadMs, plan.warmupMs)));
  log('memory and start-up…');
  rows.push(...memoryRows(await benchMemoryAndStartup(plan.servers, plan.learners, plan.soakRate, plan.soakMs, plan.warmupMs)));
  for (const servers of plan.fanouts) {
    log(`fan-out of ${servers} servers…`);
    rows.push(...fanoutRows([await benchFanout(servers)]));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = process.argv.includes('--quick') ? quickPlan : fullPlan;
  const rows = await runBenchmarks(plan, (line) => console.error(line));
  console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
  console.log(markdownTable(rows));
  process.exit(0);
}
