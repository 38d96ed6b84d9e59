import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLog } from '../../src/util/log.ts';
import { everyDay } from '../../src/store/schedule-values.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { startPostgres, type TestServer } from '../support/servers.ts';
import { startBotProcess } from './processes.ts';
import { forkRpc } from './rpc.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

/** How the bot runs: one process; four shards as processes on one machine (SQLite); four shards split over two machines on PostgreSQL. */
export type Topology = 'one process' | '4 shards' | '2 machines';
export const topologies: Topology[] = ['one process', '4 shards', '2 machines'];

export interface FanoutResult {
  servers: number;
  topology: Topology;
  requestsPerServer: number;
  seconds: number;
  /** R·N/50: the time Discord's global limit of 50 requests a second allows at best. */
  floorSeconds: number;
  duplicates: number;
  missed: number;
  tooManyRequests: number;
}

/** The environments of the processes of a topology, sharing one store. */
function processEnvs(topology: Topology): Record<string, string>[] {
  if (topology === 'one process') return [{}];
  if (topology === '4 shards') return [{ SHARD_COUNT: '4' }];
  return [
    { SHARD_COUNT: '4', SHARD_IDS: '0,1' },
    { SHARD_COUNT: '4', SHARD_IDS: '2,3' },
  ];
}

/** N servers whose lesson of the day is due the same minute: the bot posts them all at start-up (catch-up). */
export async function benchFanout(servers: number, topology: Topology = 'one process'): Promise<FanoutResult> {
  const standin = forkRpc(workerEntry);
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-fanout-'));
  let postgres: TestServer | undefined;
  try {
    const storeUrl = topology === '2 machines' ? (postgres = await startPostgres()).url : `sqlite://${join(dir, 'study.sqlite')}`;
    const setup = await standin.call<{ apiUrl: string; token: string; channelIds: string[]; guildIds: string[] }>('setup', {
      guilds: servers,
      membersPerGuild: 1,
      timeoutMs: 120_000,
      maxConcurrency: 4,
    });
    const store = await openStudyStore(storeUrl, createLog('silent'));
    const time = '00:00'; // always passed today: every server is due at once, at start-up
    await Promise.all(
      setup.guildIds.map((guildId, i) =>
        store.schedules.set(guildId, { channelId: setup.channelIds[i]!, time, timeZone: 'UTC', weekdays: everyDay, paused: false }),
      ),
    );
    await store.close();
    const bots = processEnvs(topology).map((env) =>
      startBotProcess('dist/src/app/main.js', { DISCORD_API_URL: setup.apiUrl, DISCORD_TOKEN: setup.token, STORE_URL: storeUrl, ...env }),
    );
    try {
      const requestsPerServer = 2; // the message, and the discussion thread started on it
      const result = await standin.call<{ firstAt: number; lastAt: number; duplicates: number; missed: number; tooManyRequests: number }>('fanout', {
        perChannel: 1,
        threads: true,
        deadlineMs: ((servers * requestsPerServer) / 50) * 3000 + 60_000,
      });
      return {
        servers,
        topology,
        requestsPerServer,
        seconds: (result.lastAt - result.firstAt) / 1000,
        floorSeconds: (requestsPerServer * servers) / 50,
        duplicates: result.duplicates,
        missed: result.missed,
        tooManyRequests: result.tooManyRequests,
      };
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
    }
  } finally {
    await standin.call('close').catch(() => undefined);
    await standin.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
