import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./complete-lessons-process.ts', import.meta.url));

/**
 * Starts complete-lessons-process.ts and resolves once it has opened the store. `go()` lets it
 * complete its lessons and resolves with how it ended; a process still running after
 * `deadlineMs` is killed and reported as "hung".
 */
export async function startSecondProcess(url: string, learner: string, lessonIds: string[], deadlineMs = 20_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, learner, ...lessonIds], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const ended = new Promise<string>((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve('hung')), deadlineMs);
    child.once('exit', (code, signal) => (clearTimeout(timer), resolve(code === 0 ? 'exited 0' : `exited ${code ?? signal}: ${stderr}`)));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void ended.then((how) => reject(new Error(`the second process ${how} before it opened the store`)));
  });
  return {
    go(): Promise<string> {
      child.stdin.end('go\n');
      return ended;
    },
  };
}
