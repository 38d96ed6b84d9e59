import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/course/load-course.ts';
import { populateStore } from './populate-store.ts';
import { startBotProcess, type BotEntry } from './processes.ts';
import { forkRpc } from './rpc.ts';
import type { LoadKind, ServerShape } from './standin-worker.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

/** The middle value (the upper of the two middle ones for an even count). */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type FootprintSideName = 'bot' | 'bare' | 'bareDefaultCaches' | 'botBefore';

export interface FootprintSide {
  /** RSS once every active learner has used it: the median and the highest of samples taken every second under load after that. */
  rssMb: number;
  peakRssMb: number;
  /** Of the RSS (medians): private memory, and pages of files (shared with every process that maps them). */
  anonMb: number;
  fileMb: number;
  /** From the process's start to its first answer (commands registered, a /lesson answered). */
  startupMs: number;
}

export interface FootprintResult {
  servers: number;
  activeLearners: number;
  storedLearners: number;
  /** Whether the servers had the channels, roles and emojis of real ones, or only what the stand-in gives every server. */
  shaped: boolean;
  /** Each side was measured this many times, in turns; every figure is the median of those runs. */
  repeats: number;
  sides: Record<Exclude<FootprintSideName, 'botBefore'>, FootprintSide> & { botBefore?: Pick<FootprintSide, 'startupMs'> };
}

const sides: Record<FootprintSideName, { entry: BotEntry; env: Record<string, string> }> = {
  bot: { entry: 'dist/src/app/main.js', env: {} },
  bare: { entry: 'test/bench/bare-bot.mjs', env: {} },
  bareDefaultCaches: { entry: 'test/bench/bare-bot.mjs', env: { BARE_CACHES: 'default' } },
  botBefore: { entry: 'src/app/main.ts', env: {} },
};

export async function measureSide(
  name: FootprintSideName,
  servers: number,
  shape: ServerShape | undefined,
  activeLearners: number,
  storedLearners: number,
  settleMs: number,
  sampleMs: number,
): Promise<FootprintSide> {
  const standin = forkRpc(workerEntry);
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-footprint-'));
  const file = join(dir, 'study.sqlite');
  try {
    const setup = await standin.call<{ apiUrl: string; token: string; guildIds: string[] }>('setup', {
      guilds: servers,
      membersPerGuild: activeLearners,
      timeoutMs: 60_000,
      shape,
    });
    if (name === 'bot' || name === 'botBefore') await populateStore(file, loadCourse(), storedLearners, 3, setup.guildIds);
    const startup = standin.call<number>('startup');
    const startedAt = performance.now();
    const bot = startBotProcess(sides[name].entry, {
      DISCORD_API_URL: setup.apiUrl,
      DISCORD_TOKEN: setup.token,
      STORE_URL: `sqlite://${file}`,
      ...sides[name].env,
    });
    try {
      await startup;
      const startupMs = performance.now() - startedAt;
      if (name === 'botBefore') return { rssMb: Number.NaN, peakRssMb: Number.NaN, anonMb: Number.NaN, fileMb: Number.NaN, startupMs };
      await standin.call('prepareButton');
      const kinds: LoadKind[] = ['lesson', 'progress', 'button', 'autocomplete'];
      // Every active learner uses it (the load goes through the members in turn), at 100 a second.
      const rate = 100;
      const rounds = Math.max(kinds.length, Math.ceil(settleMs / ((activeLearners / rate) * 1000)));
      for (let round = 0; round < rounds; round += 1)
        await standin.call('load', {
          kind: kinds[round % kinds.length],
          rate,
          durationMs: Math.max(settleMs / rounds, (activeLearners / rate) * 1000),
        });
      // Sampled every second while the load goes on: RSS moves with each collection, so the median says more than any one sample.
      const samples: ReturnType<typeof bot.memoryMb>[] = [];
      const sampler = setInterval(() => samples.push(bot.memoryMb()), 1000);
      try {
        await standin.call('load', { kind: 'progress', rate, durationMs: sampleMs });
      } finally {
        clearInterval(sampler);
      }
      samples.push(bot.memoryMb());
      return {
        rssMb: median(samples.map((sample) => sample.rss)),
        peakRssMb: Math.max(...samples.map((sample) => sample.rss)),
        anonMb: median(samples.map((sample) => sample.anon)),
        fileMb: median(samples.map((sample) => sample.file)),
        startupMs,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await standin.call('close').catch(() => undefined);
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One full shard's footprint (medians of `repeats` fresh runs of each side): the bot in `servers` servers with `storedLearners` learners stored
 * and `activeLearners` using it, beside a bare discord.js client with the bot's intents and cache
 * settings and one with discord.js's default caches, each in a fresh stand-in and process; and
 * the start-up of the bot as npm start ran it before the compiled build (TypeScript through tsx).
 */
export async function benchFootprint(
  servers: number,
  shape: ServerShape | undefined,
  activeLearners: number,
  storedLearners: number,
  settleMs: number,
  sampleMs: number,
  repeats = 1,
): Promise<FootprintResult> {
  const runs = { bare: [], bot: [], bareDefaultCaches: [], botBefore: [] } as Record<FootprintSideName, FootprintSide[]>;
  // The sides take turns, so a slow minute of the machine does not fall on one side only.
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const name of ['bare', 'bot', 'bareDefaultCaches', 'botBefore'] as const)
      runs[name].push(await measureSide(name, servers, shape, activeLearners, storedLearners, settleMs, sampleMs));
  }
  const medianSide = (sides: FootprintSide[]): FootprintSide => ({
    rssMb: median(sides.map((side) => side.rssMb)),
    peakRssMb: median(sides.map((side) => side.peakRssMb)),
    anonMb: median(sides.map((side) => side.anonMb)),
    fileMb: median(sides.map((side) => side.fileMb)),
    startupMs: median(sides.map((side) => side.startupMs)),
  });
  return {
    servers,
    activeLearners,
    storedLearners,
    shaped: shape !== undefined,
    repeats,
    sides: {
      bot: medianSide(runs.bot),
      bare: medianSide(runs.bare),
      bareDefaultCaches: medianSide(runs.bareDefaultCaches),
      botBefore: medianSide(runs.botBefore),
    },
  };
}
