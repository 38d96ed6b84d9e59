// `npm run bench`: every benchmark, side by side with its baseline or ceiling, as a table.
// `npm run bench -- --quick` is a small run (a few minutes); `-- --only=store,card,organiser,latency,saturation,memory,footprint,fanout,reminders` picks sections.
import { cpus, totalmem } from 'node:os';
import { benchCardRender } from './card-render.ts';
import { benchFanout, topologies } from './fanout.ts';
import { benchOrganiserTools } from './organiser-tools.ts';
import { benchReminderFanout } from './reminder-fanout.ts';
import { benchFootprint } from './footprint.ts';
import { benchInteractions } from './interaction-latency.ts';
import { benchMemoryAndStartup } from './memory-startup.ts';
import {
  cardRows,
  organiserRows,
  fanoutRows,
  footprintRows,
  reminderFanoutRows,
  latencyRows,
  markdownTable,
  memoryRows,
  reviewReadRows,
  saturationRows,
  storeRows,
  type Row,
} from './report.ts';
import { benchSaturation } from './saturation.ts';
import { benchReviewRead } from './review-read.ts';
import { benchStore } from './store-throughput.ts';

const realServer = { textChannels: 9, roles: 6, emojis: 15 };
const saturation = { kind: 'progress' as const, total: 2000, learners: 200, inFlight: 50, rounds: 4, repeats: 4 };
const fullShard = { servers: 2500, activeLearners: 2000, storedLearners: 100_000, settleMs: 40_000, sampleMs: 30_000, shape: realServer, repeats: 3 };

export const fullPlan = {
  rates: [200, 1000],
  loadMs: 5000,
  fanouts: [1000, 10_000],
  topologies,
  learners: 100_000,
  reviewsPerLearner: 50,
  writes: 20_000,
  reads: 5000,
  cards: 2000,
  organiserLearners: 10_000,
  servers: 1000,
  soakRate: 100,
  soakMs: 10 * 60_000,
  soakSettleMs: 60_000,
  warmupMs: 2000,
  latencyRounds: 3,
  saturation,
  footprints: [{ ...fullShard, shape: undefined }, fullShard],
  // The first reminders at Discord's default limit (2 requests each), and a day later, DM channels known, for a bot granted 500 a second.
  reminders: [
    { learners: 10_000, ratePerSecond: 50, channelsKnown: false },
    { learners: 100_000, ratePerSecond: 500, channelsKnown: true },
  ],
};
export const quickPlan = {
  rates: [50],
  loadMs: 1000,
  fanouts: [20],
  topologies,
  learners: 2000,
  reviewsPerLearner: 50,
  writes: 500,
  reads: 200,
  cards: 200,
  organiserLearners: 1000,
  servers: 10,
  soakRate: 20,
  soakMs: 4000,
  soakSettleMs: 2000,
  warmupMs: 1000,
  latencyRounds: 1,
  saturation: { ...saturation, total: 300, rounds: 1, repeats: 1 },
  footprints: [{ ...fullShard, servers: 50, activeLearners: 100, storedLearners: 2000, settleMs: 2000, sampleMs: 2000, repeats: 1 }],
  reminders: [{ learners: 500, ratePerSecond: 50, channelsKnown: false }],
};
/** What `npm test` runs so the benchmarks cannot rot: every one, tiny. */
export const smokePlan = {
  rates: [20],
  loadMs: 500,
  fanouts: [5],
  topologies,
  learners: 300,
  reviewsPerLearner: 5,
  writes: 100,
  reads: 30,
  cards: 10,
  organiserLearners: 20,
  servers: 3,
  soakRate: 20,
  soakMs: 1000,
  soakSettleMs: 500,
  warmupMs: 100,
  latencyRounds: 2,
  saturation: { ...saturation, total: 40, learners: 10, inFlight: 5, rounds: 1, repeats: 1 },
  footprints: [
    {
      ...fullShard,
      servers: 3,
      activeLearners: 10,
      storedLearners: 300,
      settleMs: 300,
      sampleMs: 300,
      shape: { textChannels: 1, roles: 1, emojis: 1 },
      repeats: 1,
    },
  ],
  reminders: [{ learners: 10, ratePerSecond: 50, channelsKnown: false }],
};

export type Section = 'store' | 'card' | 'organiser' | 'latency' | 'saturation' | 'memory' | 'footprint' | 'fanout' | 'reminders';
export const allSections: Section[] = ['store', 'card', 'organiser', 'latency', 'saturation', 'memory', 'footprint', 'fanout', 'reminders'];

/** Runs the chosen benchmarks in turn; `onRows` sees each section's rows as soon as they are measured. */
export async function runBenchmarks(
  plan: typeof fullPlan,
  log: (line: string) => void = console.log,
  sections: Section[] = allSections,
  onRows: (rows: Row[]) => void = () => {},
): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (measured: Row[]) => {
    rows.push(...measured);
    onRows(measured);
  };
  if (sections.includes('store')) {
    log('store…');
    add(storeRows(await benchStore(plan.learners, plan.writes, plan.reads)));
    log('reviews due…');
    add(reviewReadRows(await benchReviewRead(plan.learners, plan.reviewsPerLearner, plan.reads)));
  }
  if (sections.includes('card')) {
    log('progress card…');
    add(cardRows(benchCardRender(plan.cards)));
  }
  if (sections.includes('organiser')) {
    log(`organisers' /group and /admin export, ${plan.organiserLearners} learners…`);
    add(organiserRows(await benchOrganiserTools(plan.organiserLearners)));
  }
  if (sections.includes('latency')) {
    log('interaction latency…');
    add(
      latencyRows(
        await benchInteractions(['lesson', 'progress', 'button', 'autocomplete'], plan.rates, plan.loadMs, plan.warmupMs, plan.latencyRounds),
      ),
    );
    log('quiz and review latency…');
    add(
      latencyRows(
        await benchInteractions(
          ['quiz', 'review'],
          plan.rates.filter((rate) => rate <= 200),
          plan.loadMs,
          plan.warmupMs,
          plan.latencyRounds,
        ),
      ),
    );
  }
  if (sections.includes('saturation')) {
    log('saturation…');
    const { kind, total, learners, inFlight, rounds, repeats } = plan.saturation;
    add(saturationRows(await benchSaturation(kind, total, learners, inFlight, rounds, repeats)));
  }
  if (sections.includes('memory')) {
    log('memory and start-up…');
    add(memoryRows(await benchMemoryAndStartup(plan.servers, plan.learners, plan.soakRate, plan.soakMs, plan.warmupMs, plan.soakSettleMs)));
  }
  for (const shard of sections.includes('footprint') ? plan.footprints : []) {
    log(`footprint of ${shard.servers} servers${shard.shape ? ' shaped like real ones' : ''}…`);
    add(
      footprintRows(
        await benchFootprint(shard.servers, shard.shape, shard.activeLearners, shard.storedLearners, shard.settleMs, shard.sampleMs, shard.repeats),
      ),
    );
  }
  for (const servers of sections.includes('fanout') ? plan.fanouts : []) {
    for (const topology of plan.topologies) {
      log(`fan-out of ${servers} servers, ${topology}…`);
      add(fanoutRows([await benchFanout(servers, topology)]));
    }
  }
  for (const { learners, ratePerSecond, channelsKnown } of sections.includes('reminders') ? plan.reminders : []) {
    log(`reminders to ${learners} learners at ${ratePerSecond}/s…`);
    add(reminderFanoutRows([await benchReminderFanout(learners, ratePerSecond, channelsKnown)]));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = process.argv.includes('--quick') ? quickPlan : fullPlan;
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') as Section[] | undefined;
  console.error(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  // Each section's rows as soon as they are measured, then the whole table.
  const rows = await runBenchmarks(
    plan,
    (line) => console.error(line),
    only ?? allSections,
    (measured) => console.error(markdownTable(measured)),
  );
  console.log(markdownTable(rows));
  process.exit(0);
}
