import { startSide } from './interaction-latency.ts';
import type { BotEntry } from './processes.ts';
import { summarize, type Summary } from './stats.ts';
import type { LoadKind } from './standin-worker.ts';

export interface SaturationSide {
  latency: Summary;
  /** Interactions answered a second, over all rounds. */
  throughput: number;
  errors: number;
}

export interface SaturationRow {
  kind: LoadKind;
  total: number;
  learners: number;
  inFlight: number;
  bot: SaturationSide;
  baseline: SaturationSide;
}

const entries: Record<'bot' | 'baseline', BotEntry> = { baseline: 'test/bench/bare-bot.mjs', bot: 'dist/src/app/main.js' };

/**
 * Under saturation: `total` interactions from `learners` learners, `inFlight` at a time, each
 * sent as soon as one is answered, beside the bare discord.js client on the same stand-in build.
 * The two take turns for `rounds` rounds in fresh processes, each warmed up first, and each
 * round measures `repeats` runs; latencies and time are pooled over every run.
 */
export async function benchSaturation(
  kind: LoadKind,
  total: number,
  learners: number,
  inFlight: number,
  rounds: number,
  repeats: number,
): Promise<SaturationRow> {
  const pooled = { bot: { latencies: [] as number[], seconds: 0, errors: 0 }, baseline: { latencies: [] as number[], seconds: 0, errors: 0 } };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? (['baseline', 'bot'] as const) : (['bot', 'baseline'] as const);
    for (const name of order) {
      const side = await startSide(entries[name], 1, learners);
      try {
        await side.standin.call('prepareButton');
        await side.standin.call('saturate', { kind, total, inFlight });
        // A run of 2,000 takes about a second: several per round, so one collection or hiccup weighs little.
        for (let repeat = 0; repeat < repeats; repeat += 1) {
          const run = await side.standin.call<{ latencies: number[]; seconds: number; errorCount: number; errors: string[] }>('saturate', {
            kind,
            total,
            inFlight,
          });
          if (run.errorCount > 0) console.warn(`${name} saturated ${kind}: ${run.errorCount} errors, e.g. ${run.errors[0]}`);
          pooled[name].latencies.push(...run.latencies);
          pooled[name].seconds += run.seconds;
          pooled[name].errors += run.errorCount;
        }
      } finally {
        await side.close();
      }
    }
  }
  const sideOf = ({ latencies, seconds, errors }: (typeof pooled)['bot']): SaturationSide => ({
    latency: summarize(latencies),
    throughput: latencies.length / seconds,
    errors,
  });
  return { kind, total, learners, inFlight, bot: sideOf(pooled.bot), baseline: sideOf(pooled.baseline) };
}
