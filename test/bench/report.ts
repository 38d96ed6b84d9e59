import type { CardRenderResult } from './card-render.ts';
import type { FanoutResult } from './fanout.ts';
import type { OrganiserToolsResult } from './organiser-tools.ts';
import type { FootprintResult } from './footprint.ts';
import type { ReminderFanoutResult } from './reminder-fanout.ts';
import type { SaturationRow } from './saturation.ts';
import type { LatencyRow } from './interaction-latency.ts';
import type { MemoryStartupResult } from './memory-startup.ts';
import type { ReviewReadResult } from './review-read.ts';
import type { StoreResult } from './store-throughput.ts';

export interface Row {
  what: string;
  bot: string;
  reference: string;
  ratio: string;
  target: string;
  /** Undefined for a row shown for reference, with no target of its own. */
  met: boolean | undefined;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const x = (value: number) => `${value.toFixed(2)}×`;
const fineMs = (value: number) => `${value.toFixed(2)} ms`;

export function latencyRows(rows: LatencyRow[]): Row[] {
  return rows.flatMap(({ kind, rate, bot, baseline, errors }) => {
    const p50 = bot.p50 / baseline.p50;
    const p99 = bot.p99 / baseline.p99;
    const absolute = rate <= 200 ? bot.p99 < 50 : true;
    return [
      {
        what: `${kind} at ${rate}/s, p50`,
        bot: ms(bot.p50),
        reference: `bare discord.js ${ms(baseline.p50)}`,
        ratio: x(p50),
        target: '≤ 1.5×',
        met: p50 <= 1.5 && errors === 0,
      },
      {
        what: `${kind} at ${rate}/s, p99`,
        bot: ms(bot.p99),
        reference: `bare discord.js ${ms(baseline.p99)}`,
        ratio: x(p99),
        target: rate <= 200 ? '≤ 2×, and < 50 ms' : '≤ 2×',
        met: p99 <= 2 && absolute && errors === 0,
      },
    ];
  });
}

export function fanoutRows(results: FanoutResult[]): Row[] {
  return results.map((result) => {
    const ratio = result.seconds / result.floorSeconds;
    const clean = result.duplicates === 0 && result.missed === 0 && result.tooManyRequests === 0;
    return {
      what: `daily fan-out, ${result.servers} servers, ${result.topology} (R = ${result.requestsPerServer})`,
      bot: `${result.seconds.toFixed(1)} s; ${result.duplicates} duplicates, ${result.missed} missed, ${result.tooManyRequests} × 429`,
      reference: `R·N/50 = ${result.floorSeconds.toFixed(0)} s`,
      ratio: x(ratio),
      target: '≤ 1.1×, no 429, duplicate or miss',
      met: ratio <= 1.1 && clean,
    };
  });
}

export function reminderFanoutRows(results: ReminderFanoutResult[]): Row[] {
  return results.map((result) => {
    const ratio = result.seconds / result.floorSeconds;
    const clean = result.duplicates === 0 && result.missed === 0 && result.tooManyRequests === 0;
    return {
      what: `reminder fan-out, ${result.learners} learners due at one minute, DMs at ${result.ratePerSecond}/s (R = ${result.requestsPerLearner}${result.requestsPerLearner === 1 ? ', DM channels known' : ', DM channels opened'})`,
      bot: `${result.seconds.toFixed(1)} s; ${result.duplicates} duplicates, ${result.missed} missed, ${result.tooManyRequests} × 429`,
      reference: `R·N/${result.ratePerSecond} = ${result.floorSeconds.toFixed(0)} s`,
      ratio: x(ratio),
      target: '≤ 1.1×, no 429, duplicate or miss',
      met: ratio <= 1.1 && clean,
    };
  });
}

export function reviewReadRows(result: ReviewReadResult): Row[] {
  return (['p50', 'p99'] as const).map((quantile) => ({
    what: `reviews due for one learner, ${result.learners} learners × ${result.perLearner} review states, ${quantile}`,
    bot: fineMs(result.read[quantile]),
    reference: 'one range read of the learner’s keys',
    ratio: '',
    target: quantile === 'p99' ? '< 5 ms' : 'for reference',
    met: quantile === 'p99' ? result.read.p99 < 5 : undefined,
  }));
}

export function cardRows(result: CardRenderResult): Row[] {
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  return [
    {
      what: `progress card drawn, ${result.cards} distinct cards, p50`,
      bot: fineMs(result.render.p50),
      reference: `first card, fonts loaded with it: ${ms(result.firstMs)}`,
      ratio: '',
      target: 'for reference',
      met: undefined,
    },
    {
      what: `progress card drawn, ${result.cards} distinct cards, p99`,
      bot: fineMs(result.render.p99),
      reference: '',
      ratio: '',
      target: '< 30 ms',
      met: result.render.p99 < 30,
    },
    {
      what: 'RSS a process adds for the cards: first card, then all',
      bot: `+${mb(result.rssMb.afterFirst - result.rssMb.before)}, then +${mb(result.rssMb.afterAll - result.rssMb.before)}`,
      reference: `${mb(result.rssMb.before)} before`,
      ratio: '',
      target: 'for reference (the footprint rows include it)',
      met: undefined,
    },
  ];
}

export function organiserRows(result: OrganiserToolsResult): Row[] {
  const answered = (what: { deferredMs: number; doneMs: number }) => `deferred after ${ms(what.deferredMs)}, answered after ${ms(what.doneMs)}`;
  const memory = `bot RSS ${result.rssMb.before.toFixed(0)} MB before, at most ${result.rssMb.peak.toFixed(0)} MB during`;
  return [
    {
      what: `/group with pacing, ${result.learners} learners in one server`,
      bot: `${answered(result.group)}; ${result.group.pacedLines} paced lines on page 1`,
      reference: memory,
      ratio: '',
      target: 'deferred < 3 s',
      met: result.group.deferredMs < 3000 && result.group.pacedLines > 0,
    },
    {
      what: `/admin export, ${result.learners} learners in one server`,
      bot: `${answered(result.export)}; ${result.export.rows} rows`,
      reference: memory,
      ratio: '',
      target: 'deferred < 3 s, every learner a row',
      met: result.export.deferredMs < 3000 && result.export.rows === result.learners + 1,
    },
  ];
}

export function storeRows(result: StoreResult): Row[] {
  const writeRatio = result.ceiling.completionsPerSecond / result.bot.completionsPerSecond;
  const readRatio = result.bot.read.p99 / result.ceiling.read.p99;
  return [
    {
      what: `completions written, ${result.learners} learners`,
      bot: `${result.bot.completionsPerSecond.toFixed(0)}/s`,
      reference: `sqlite3 direct ${result.ceiling.completionsPerSecond.toFixed(0)}/s`,
      ratio: x(writeRatio),
      target: '≥ 2000/s, within 3×',
      met: result.bot.completionsPerSecond >= 2000 && writeRatio <= 3,
    },
    {
      what: `/progress read, ${result.learners} learners, p99`,
      bot: fineMs(result.bot.read.p99),
      reference: `sqlite3 direct ${fineMs(result.ceiling.read.p99)}`,
      ratio: x(readRatio),
      target: '< 5 ms, within 3×',
      met: result.bot.read.p99 < 5 && readRatio <= 3,
    },
    {
      what: `/progress read, ${result.learners} learners, p50`,
      bot: fineMs(result.bot.read.p50),
      reference: `better-sqlite3 direct ${fineMs(result.driverRead.p50)}`,
      ratio: x(result.bot.read.p50 / result.driverRead.p50),
      target: 'for reference: the driver the bot reads with',
      met: undefined,
    },
  ];
}

export function memoryRows(result: MemoryStartupResult): Row[] {
  return [
    {
      what: `RSS, ${result.servers} servers, ${result.learners} learners`,
      bot: `${result.rssMb.toFixed(0)} MB warm, at most ${result.peakRssMb.toFixed(0)} MB in the soak`,
      reference: '—',
      ratio: '—',
      target: '< 150 MB',
      met: result.peakRssMb < 150,
    },
    {
      what: `RSS growth, ${result.soakMinutes} min at ${result.soakRate}/s`,
      bot: `${result.rssMb.toFixed(0)} → ${result.rssAfterSoakMb.toFixed(0)} MB (${result.growthPercent.toFixed(1)} %)`,
      reference: '—',
      ratio: '—',
      target: '< 10 %',
      met: result.growthPercent < 10,
    },
    {
      what: `start-up: READY to first answer, ${result.learners} learners`,
      bot: ms(result.startupMs),
      reference: '—',
      ratio: '—',
      target: '< 2000 ms',
      met: result.startupMs < 2000,
    },
  ];
}

export function saturationRows(row: SaturationRow): Row[] {
  const { bot, baseline } = row;
  const what = `${row.kind} saturated: ${row.total} from ${row.learners} learners, ${row.inFlight} in flight`;
  const errors = bot.errors + baseline.errors;
  const p50 = bot.latency.p50 / baseline.latency.p50;
  const p99 = bot.latency.p99 / baseline.latency.p99;
  const throughput = bot.throughput / baseline.throughput;
  return [
    {
      what: `${what}, p50`,
      bot: ms(bot.latency.p50),
      reference: `bare discord.js ${ms(baseline.latency.p50)}`,
      ratio: x(p50),
      target: '≤ 1.1×',
      met: p50 <= 1.1 && errors === 0,
    },
    {
      what: `${what}, p99`,
      bot: ms(bot.latency.p99),
      reference: `bare discord.js ${ms(baseline.latency.p99)}`,
      ratio: x(p99),
      target: '≤ 1.3×',
      met: p99 <= 1.3 && errors === 0,
    },
    {
      what: `${what}, throughput`,
      bot: `${bot.throughput.toFixed(0)}/s`,
      reference: `bare discord.js ${baseline.throughput.toFixed(0)}/s`,
      ratio: x(throughput),
      target: '≥ 0.95×',
      met: throughput >= 0.95 && errors === 0,
    },
  ];
}

export function footprintRows(result: FootprintResult): Row[] {
  const { bot, bare, bareDefaultCaches, botBefore } = result.sides;
  const shard = `one full shard: ${result.servers} servers${result.shaped ? ' shaped like real ones' : ''}, ${result.activeLearners} learners active, ${result.storedLearners} stored${result.repeats > 1 ? ` (medians of ${result.repeats} runs)` : ''}`;
  const mb = (side: { peakRssMb: number; anonMb: number; fileMb: number }) =>
    `${side.peakRssMb.toFixed(0)} MB (${side.anonMb.toFixed(0)} private, ${side.fileMb.toFixed(0)} in files)`;
  const sameRatio = bot.peakRssMb / bare.peakRssMb;
  const defaultRatio = bot.peakRssMb / bareDefaultCaches.peakRssMb;
  const rows: Row[] = [
    {
      what: `RSS, ${shard}`,
      bot: mb(bot),
      reference: `bare discord.js, same caches: ${mb(bare)}`,
      ratio: x(sameRatio),
      target: '≤ 1.1×',
      met: sameRatio <= 1.1,
    },
    {
      what: `RSS, ${shard}`,
      bot: mb(bot),
      reference: `bare discord.js, default caches: ${mb(bareDefaultCaches)}`,
      ratio: x(defaultRatio),
      target: '≤ 1×',
      met: defaultRatio <= 1,
    },
  ];
  if (botBefore) {
    const ratio = bot.startupMs / botBefore.startupMs;
    rows.push({
      what: `start-up: process start to first answer, ${result.servers} servers`,
      bot: ms(bot.startupMs),
      reference: `the bot through tsx, as npm start ran it before: ${ms(botBefore.startupMs)}; bare discord.js ${ms(bare.startupMs)}`,
      ratio: x(ratio),
      target: 'no slower than before (≤ 1×)',
      met: ratio <= 1,
    });
  }
  return rows;
}

export function markdownTable(rows: Row[]): string {
  const lines = ['| what | bot | compared with | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const row of rows)
    lines.push(
      `| ${row.what} | ${row.bot} | ${row.reference} | ${row.ratio} | ${row.target} | ${row.met === undefined ? '—' : row.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}
