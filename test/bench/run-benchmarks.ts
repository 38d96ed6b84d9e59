// `npm run bench`: every benchmark, side by side with its baseline or ceiling, as a table.
// `npm run bench -- --quick` is a small run (seconds, not minutes); `-- --only=store,latency,memory,fanout` picks sections.
import { cpus, totalmem } from 'node:os';
import { benchFanout } from './fanout.ts';
import { benchInteractions } from './interaction-latency.ts';
import { benchMemoryAndStartup } from './memory-startup.ts';
import { fanoutRows, latencyRows, markdownTable, memoryRows, storeRows, type Row } from './report.ts';
import { benchStore } from './store-throughput.ts';

export const fullPlan = { rates: [200, 1000], loadMs: 5000, fanouts: [1000, 10_000], learners: 100_000, writes: 20_000, reads: 5000, servers: 1000, soakRate: 100, soakMs: 10 * 60_000, soakSettleMs: 60_000, warmupMs: 2000, latencyRounds: 3 };
export const quickPlan = { rates: [50], loadMs: 1000, fanouts: [20], learners: 2000, writes: 500, reads: 200, servers: 10, soakRate: 20, soakMs: 4000, soakSettleMs: 2000, warmupMs: 1000, latencyRounds: 1 };
/** What `npm test` runs so the benchmarks cannot rot: every one, tiny. */
export const smokePlan = { rates: [20], loadMs: 500, fanouts: [5], learners: 300, writes: 100, reads: 30, servers: 3, soakRate: 20, soakMs: 1000, soakSettleMs: 500, warmupMs: 100, latencyRounds: 2 };

export type Section = 'store' | 'latency' | 'memory' | 'fanout';
export const allSections: Section[] = ['store', 'latency', 'memory', 'fanout'];

/** Runs the chosen benchmarks in turn; `onRows` sees each section's rows as soon as they are measured. */
export async function runBenchmarks(plan: typeof fullPlan, log: (line: string) => void = console.log, sections: Section[] = allSections, onRows: (rows: Row[]) => void = () => {}): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (measured: Row[]) => {
    rows.push(...measured);
    onRows(measured);
  };
  if (sections.includes('store')) {
    log('store…');
    add(storeRows(await benchStore(plan.learners, plan.writes, plan.reads)));
  }
  if (sections.includes('latency')) {
    log('interaction latency…');
    add(latencyRows(await benchInteractions(['lesson', 'progress', 'button', 'autocomplete'], plan.rates, plan.loadMs, plan.warmupMs, plan.latencyRounds)));
  }
  if (sections.includes('memory')) {
    log('memory and start-up…');
    add(memoryRows(await benchMemoryAndStartup(plan.servers, plan.learners, plan.soakRate, plan.soakMs, plan.warmupMs, plan.soakSettleMs)));
  }
  for (const servers of sections.includes('fanout') ? plan.fanouts : []) {
    log(`fan-out of ${servers} servers…`);
    add(fanoutRows([await benchFanout(servers)]));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = process.argv.includes('--quick') ? quickPlan : fullPlan;
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') as Section[] | undefined;
  console.error(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  // Each section's rows as soon as they are measured, then the whole table.
  const rows = await runBenchmarks(plan, (line) => console.error(line), only ?? allSections, (measured) => console.error(markdownTable(measured)));
  console.log(markdownTable(rows));
  process.exit(0);
}
