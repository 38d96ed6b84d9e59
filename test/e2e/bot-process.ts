import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** Every JSON log line so far, from the process and the shards it started. */
  logLines(): Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The bot as users run it (npm start's node flags), in a process of its own, with exactly the given environment. */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--max-semi-space-size=2', '--import', import.meta.resolve('tsx'), 'src/app/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return {
    child,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      return exited;
    },
  };
}
