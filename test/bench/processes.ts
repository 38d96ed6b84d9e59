import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCommands } from '../../src/interactions/load-commands.ts';
import { readmeCard } from '../support/readme-card.ts';
import { readStartScript } from '../support/start-script.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The bare client registers the bot's commands from their JSON, so that it loads none of the bot's modules,
// and attaches a progress card (the README's, drawn here) to its /progress replies, as the bot does.
const bareFiles = mkdtempSync(join(tmpdir(), 'study-bench-commands-'));
const bareCommandsFile = join(bareFiles, 'commands.json');
writeFileSync(bareCommandsFile, JSON.stringify([...(await loadCommands()).values()].map((command) => command.data)));
const bareCardFile = join(bareFiles, 'progress.png');
writeFileSync(bareCardFile, readmeCard());

export interface BotProcess {
  child: ChildProcess;
  rssMb(): number;
  /** RSS, and its part in private memory (heap, stacks) and in pages of files (code, and ICU's data in the node binary). */
  memoryMb(): { rss: number; anon: number; file: number };
  stop(): Promise<number | null>;
}

/** The bot's compiled build, as npm start runs it (npm run bench builds it first), the bare baseline, or the bot's TypeScript through tsx, as npm start ran it before the build. */
export type BotEntry = 'dist/src/app/main.js' | 'test/bench/bare-bot.mjs' | 'src/app/main.ts';

function statusMb(child: ChildProcess, field: string): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Starts a bot entry (the real bot, or the bare baseline, with the same flags) as a process of its own. */
export function startBotProcess(entry: BotEntry, env: Record<string, string>): BotProcess {
  const start = readStartScript();
  const extraArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const loader = entry.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...extraArgs, ...start.nodeFlags, ...loader, entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      BARE_COMMANDS_FILE: bareCommandsFile,
      BARE_CARD_FILE: bareCardFile,
      ...start.env,
      ...env,
    },
    stdio: ['ignore', process.env.BENCH_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  return {
    child,
    rssMb: () => statusMb(child, 'VmRSS'),
    memoryMb: () => ({
      rss: statusMb(child, 'VmRSS'),
      anon: statusMb(child, 'RssAnon'),
      file: statusMb(child, 'RssFile') + statusMb(child, 'RssShmem'),
    }),
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    },
  };
}
