import { StartError } from '../util/start-error.ts';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { envSchema, type Config } from './env-schema.ts';

const secretNames = new Set(['DISCORD_TOKEN']);

export class ConfigError extends StartError {
  constructor(
    readonly problems: string[],
    source: string,
    hint?: string,
  ) {
    super(
      `The configuration is invalid (${source}; every variable is described in .env.example):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        (hint ? `\n${hint}` : ''),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment, reporting every problem at once. Values from `envFileText`
 * (the contents of a .env file) are used only where the real environment has none.
 */
export function parseConfig(env: NodeJS.ProcessEnv, envFileText = '', source = 'environment'): Config {
  const merged: Record<string, string | undefined> = { ...parseEnv(envFileText), ...env };
  const result = envSchema.safeParse(merged);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = merged[name];
    const shown = value === undefined || secretNames.has(name) ? '' : ` (got ${JSON.stringify(value)})`;
    return `${name} ${issue.message}${shown}`;
  });
  const noToken = !merged.DISCORD_TOKEN;
  throw new ConfigError(
    problems,
    source,
    noToken ? 'To try the bot locally first, with no token and no Discord at all, run: npm run playground' : undefined,
  );
}

/** Reads `.env` from the working directory when present; the real environment wins. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFilePath = '.env'): Config {
  const hasFile = existsSync(envFilePath);
  const text = hasFile ? readFileSync(envFilePath, 'utf8') : '';
  return parseConfig(env, text, hasFile ? `environment and ${envFilePath}` : 'environment, no .env file');
}
