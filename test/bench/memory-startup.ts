import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/course/load-course.ts';
import { populateStore } from './populate-store.ts';
import { startBotProcess } from './processes.ts';
import { forkRpc } from './rpc.ts';
import type { LoadKind } from './standin-worker.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

export interface MemoryStartupResult {
  servers: number;
  learners: number;
  startupMs: number;
  rssMb: number;
  soakMinutes: number;
  soakRate: number;
  rssAfterSoakMb: number;
  /** The highest RSS of the samples taken every 10 s of the soak. */
  peakRssMb: number;
  growthPercent: number;
}

/**
 * The bot in `servers` servers with `learners` learners stored: how soon after READY it
 * answers (a second start, commands already registered), its RSS once warm (after `settleMs` at
 * the soak's rate), and its RSS every 10 s of `soakMs` at `soakRate` interactions a second (the
 * last and the highest count).
 */
export async function benchMemoryAndStartup(
  servers: number,
  learners: number,
  soakRate: number,
  soakMs: number,
  warmupMs: number,
  settleMs: number,
): Promise<MemoryStartupResult> {
  const standin = forkRpc(workerEntry);
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-memory-'));
  const file = join(dir, 'study.sqlite');
  try {
    const setup = await standin.call<{ apiUrl: string; token: string; guildIds: string[] }>('setup', {
      guilds: servers,
      membersPerGuild: 200,
      timeoutMs: 60_000,
    });
    await populateStore(file, loadCourse(), learners, 3, setup.guildIds);
    const env = { DISCORD_API_URL: setup.apiUrl, DISCORD_TOKEN: setup.token, STORE_URL: `sqlite://${file}` };
    const first = startBotProcess('dist/src/app/main.js', env);
    await standin.call('waitForReady');
    await standin.call('prepareButton'); // waits until the commands are registered
    await first.stop();

    const startup = standin.call<number>('startup');
    const bot = startBotProcess('dist/src/app/main.js', env);
    try {
      const startupMs = await startup;
      await standin.call('prepareButton');
      const kinds: LoadKind[] = ['lesson', 'progress', 'button', 'autocomplete'];
      for (const kind of kinds) await standin.call('load', { kind, rate: 100, durationMs: warmupMs });
      // The heap takes about a minute at the soak's rate to reach its working size; growth is counted from there.
      const settleRounds = Math.max(1, Math.round(settleMs / 10_000));
      for (let round = 0; round < settleRounds; round += 1)
        await standin.call('load', { kind: kinds[round % kinds.length], rate: soakRate, durationMs: settleMs / settleRounds });
      const rssMb = bot.rssMb();
      const rounds = Math.max(1, Math.round(soakMs / 10_000));
      const samples = [rssMb];
      for (let round = 0; round < rounds; round += 1) {
        await standin.call('load', { kind: kinds[round % kinds.length], rate: soakRate, durationMs: soakMs / rounds });
        samples.push(bot.rssMb());
      }
      const rssAfterSoakMb = samples.at(-1)!;
      return {
        servers,
        learners,
        startupMs,
        rssMb,
        soakMinutes: soakMs / 60_000,
        soakRate,
        rssAfterSoakMb,
        peakRssMb: Math.max(...samples),
        growthPercent: ((rssAfterSoakMb - rssMb) / rssMb) * 100,
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
