import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStartScript } from '../support/start-script.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

interface Run {
  exitCode: Promise<number | null>;
  output: () => string;
  child: ReturnType<typeof spawn>;
}

/** Runs an entry point of the project with exactly the given environment, in an empty folder: TypeScript through tsx, or JavaScript with the given Node flags. */
function runEntry(entry: string, env: Record<string, string>, args: string[] = [], nodeFlags: string[] = []): Run {
  const cwd = mkdtempSync(join(tmpdir(), 'study-start-'));
  const loader = entry.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, join(projectRoot, entry), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exitCode: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function waitForOutput(run: Run, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 200 && !pattern.test(run.output()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(run.output()).toMatch(pattern);
}

describe('starting the bot', () => {
  it('exits non-zero at once without DISCORD_TOKEN, naming it, pointing to .env.example and to the playground', async () => {
    const run = runEntry('src/app/main.ts', {});
    expect(await run.exitCode).toBe(1);
    expect(run.output()).toContain('DISCORD_TOKEN is required');
    expect(run.output()).toContain('To try the bot locally first, with no token and no Discord at all, run: npm run playground');
    expect(run.output()).toContain('.env.example');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one log line that Discord is unreachable, retries, and exits 0 on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'study-store-'));
    const run = runEntry('src/app/main.ts', {
      DISCORD_TOKEN: 'not-a-real-token',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      STORE_URL: `sqlite://${cwd}/study.sqlite`,
    });
    await waitForOutput(run, /"attempt":2/);
    const lines = run
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const unreachable = lines.filter((line) => line.msg === 'Discord is not reachable; retrying');
    expect(unreachable.slice(0, 2)).toEqual([
      expect.objectContaining({ attempt: 1, retryInSeconds: 1, reason: expect.stringContaining('ECONNREFUSED') }),
      expect.objectContaining({ attempt: 2, retryInSeconds: 2 }),
    ]);
    expect(run.output()).not.toContain('not-a-real-token');
    expect(run.output()).not.toMatch(/\n\s+at /);
    run.child.kill('SIGTERM');
    expect(await run.exitCode).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
  });
});

describe('npm start', () => {
  const { env, nodeFlags, entry } = readStartScript();

  it('runs the compiled build with plain Node, no TypeScript loader', () => {
    expect(entry).toBe('dist/src/app/main.js');
    expect(nodeFlags.join(' ')).not.toMatch(/tsx|--import|--loader/);
  });

  it('starts from the build with the course from data/ and every command, and exits 0 on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'study-store-'));
    const run = runEntry(
      entry,
      { DISCORD_TOKEN: 'not-a-real-token', DISCORD_API_URL: 'http://127.0.0.1:9/api', STORE_URL: `sqlite://${cwd}/study.sqlite`, ...env },
      [],
      nodeFlags,
    );
    await waitForOutput(run, /"attempt":1/);
    const starting = run
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === 'starting');
    expect(starting).toMatchObject({
      parts: 2,
      lessons: 18,
      commands: ['admin', 'course', 'group', 'lesson', 'me', 'milestones', 'progress', 'quiz', 'review', 'schedule'],
    });
    run.child.kill('SIGTERM');
    expect(await run.exitCode).toBe(0);
  });
});

describe('npm run check-course', () => {
  it('names the file, the path and the rule for a broken outline', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'study-course-')), 'course.json');
    writeFileSync(
      file,
      JSON.stringify({ id: 'c', title: 'C', parts: [{ id: 'p', title: 'P', objective: 'O', lessons: [{ id: 'l', title: 'L' }] }] }),
    );
    const run = runEntry('src/course/check-course.ts', {}, [file]);
    expect(await run.exitCode).toBe(1);
    expect(run.output()).toContain(`The course outline ${file} is invalid:`);
    expect(run.output()).toMatch(/parts\[0\]\.lessons\[0\]\.summary: /);
  });

  it('accepts the shipped outline', async () => {
    const run = runEntry('src/course/check-course.ts', {});
    expect(await run.exitCode).toBe(0);
    expect(run.output()).toMatch(/is valid: 2 parts, 18 lessons/);
  });
});
