import { readFileSync } from 'node:fs';

/** `npm start` as its parts: `[NAME=value …] node [flags …] <entry>`, so tests and benchmarks run the bot as users do. */
export interface StartScript {
  env: Record<string, string>;
  nodeFlags: string[];
  entry: string;
}

export function readStartScript(): StartScript {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0]?.includes('=')) {
    const [name, value] = words.shift()!.split('=') as [string, string];
    env[name] = value;
  }
  if (words.shift() !== 'node') throw new Error(`npm start should run node: ${scripts.start}`);
  const entry = words.pop();
  if (!entry) throw new Error(`npm start names no entry: ${scripts.start}`);
  return { env, nodeFlags: words, entry };
}
