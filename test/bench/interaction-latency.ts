import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBotProcess, type BotEntry, type BotProcess } from './processes.ts';
import { forkRpc, type RpcChild } from './rpc.ts';
import { summarize, type Summary } from './stats.ts';
import type { LoadKind } from './standin-worker.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

export interface Side {
  standin: RpcChild;
  bot: BotProcess;
  setup: { apiUrl: string; token: string; channelIds: string[]; guildIds: string[] };
  close(): Promise<void>;
}

/** A fresh stand-in process with `guilds` servers, and the bot (or the baseline) in a process of its own, ready. */
export async function startSide(entry: BotEntry, guilds: number, members: number, env: Record<string, string> = {}): Promise<Side> {
  const standin = forkRpc(workerEntry);
  const setup = await standin.call<Side['setup']>('setup', { guilds, membersPerGuild: members });
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-'));
  const bot = startBotProcess(entry, {
    DISCORD_API_URL: setup.apiUrl,
    DISCORD_TOKEN: setup.token,
    STORE_URL: `sqlite://${join(dir, 'study.sqlite')}`,
    ...env,
  });
  await standin.call('waitForReady');
  return {
    standin,
    bot,
    setup,
    async close() {
      await bot.stop();
      await standin.call('close').catch(() => undefined);
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LatencyRow {
  kind: LoadKind;
  rate: number;
  bot: Summary;
  baseline: Summary;
  errors: number;
}

type Samples = Map<string, { latencies: number[]; errors: number }>;

async function measure(side: Side, kinds: LoadKind[], rates: number[], durationMs: number, warmupMs: number, into: Samples) {
  await side.standin.call('prepareButton');
  // Warm-up, gently and then at the top rate: JIT, caches, the roster, connection pools, heap sizes.
  for (const rate of [100, Math.max(...rates)]) for (const kind of kinds) await side.standin.call('load', { kind, rate, durationMs: warmupMs });
  for (const rate of rates) {
    for (const kind of kinds) {
      const run = await side.standin.call<{ latencies: number[]; errorCount: number; errors: string[] }>('load', { kind, rate, durationMs });
      if (run.errorCount > 0) console.warn(`${kind} at ${rate}/s: ${run.errorCount} errors, e.g. ${run.errors[0]}`);
      const samples = into.get(`${kind}@${rate}`) ?? { latencies: [], errors: 0 };
      samples.latencies.push(...run.latencies);
      samples.errors += run.errorCount;
      into.set(`${kind}@${rate}`, samples);
    }
  }
}

const entries = { baseline: 'test/bench/bare-bot.mjs', bot: 'dist/src/app/main.js' } as const;

/**
 * Dispatch-to-callback latency of the bot and of a bare discord.js bot, same stand-in build,
 * same run. A shared machine drifts over minutes, so the two take turns for `rounds` rounds
 * (the one that goes first alternates) and each row pools the samples of every round.
 */
export async function benchInteractions(
  kinds: LoadKind[],
  rates: number[],
  durationMs: number,
  warmupMs: number,
  rounds: number,
): Promise<LatencyRow[]> {
  const measured: Record<keyof typeof entries, Samples> = { bot: new Map(), baseline: new Map() };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? (['baseline', 'bot'] as const) : (['bot', 'baseline'] as const);
    for (const name of order) {
      const side = await startSide(entries[name], 1, 200);
      try {
        await measure(side, kinds, rates, durationMs, warmupMs, measured[name]);
      } finally {
        await side.close();
      }
    }
  }
  return rates.flatMap((rate) =>
    kinds.map((kind) => {
      const bot = measured.bot.get(`${kind}@${rate}`)!;
      const baseline = measured.baseline.get(`${kind}@${rate}`)!;
      return { kind, rate, bot: summarize(bot.latencies), baseline: summarize(baseline.latencies), errors: bot.errors + baseline.errors };
    }),
  );
}
