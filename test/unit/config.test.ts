import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load-config.ts';

function problemsOf(env: NodeJS.ProcessEnv, envFile = ''): string[] {
  try {
    parseConfig(env, envFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration from the environment', () => {
  it('applies the documented defaults when only the token is set', () => {
    expect(parseConfig({ DISCORD_TOKEN: 'abc' })).toEqual({
      DISCORD_TOKEN: 'abc',
      DISCORD_API_URL: 'https://discord.com/api',
      STORE_URL: 'sqlite://data/study.sqlite',
      STUDY_CRON: '0 9 * * *',
      STUDY_TIMEZONE: 'UTC',
      DISCORD_GLOBAL_RATE: 50,
      LOG_LEVEL: 'info',
    });
  });

  it('names a missing token and points to .env.example', () => {
    try {
      parseConfig({});
      throw new Error('accepted');
    } catch (error) {
      expect((error as Error).message).toMatch(/\.env\.example/);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^DISCORD_TOKEN is required/)]);
    }
  });

  it('reports every invalid variable at once, with the value it got', () => {
    const problems = problemsOf({
      DISCORD_API_URL: 'not a url',
      DISCORD_GUILD_ID: '12ab',
      STUDY_CHANNEL_ID: '42',
      STUDY_CRON: 'every morning',
      STUDY_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      STORE_URL: 'study.sqlite',
    });
    expect(problems).toHaveLength(8);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DISCORD_TOKEN is required/),
        'DISCORD_API_URL must be an http(s) URL (got "not a url")',
        'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits) (got "12ab")',
        'STUDY_CHANNEL_ID must be a Discord id (17 to 20 digits) (got "42")',
        expect.stringMatching(/^STUDY_CRON must be a node-cron expression .* \(got "every morning"\)$/),
        expect.stringMatching(/^STUDY_TIMEZONE must be an IANA time zone .* \(got "Mars\/Olympus"\)$/),
        expect.stringMatching(/^LOG_LEVEL must be one of fatal, error.* \(got "loud"\)$/),
        expect.stringMatching(/^STORE_URL must be a URL such as sqlite:\/\/data\/study.sqlite \(got "study.sqlite"\)$/),
      ]),
    );
  });

  it('accepts a six-field cron expression and treats empty values as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: 't', STUDY_CRON: '0 30 7 * * 1-5', STUDY_CHANNEL_ID: '', STUDY_TIMEZONE: 'Asia/Kolkata' });
    expect(config).toMatchObject({ STUDY_CRON: '0 30 7 * * 1-5', STUDY_TIMEZONE: 'Asia/Kolkata' });
    expect(config.STUDY_CHANNEL_ID).toBeUndefined();
  });

  it('never repeats the token in an error', () => {
    const problems = problemsOf({ DISCORD_TOKEN: 'secret-token', LOG_LEVEL: 'loud' });
    expect(problems.join('\n')).not.toContain('secret-token');
  });
});

describe('sharding settings', () => {
  it('reads SHARD_COUNT as auto or a number, and SHARD_IDS as a list', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't', SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
    expect(parseConfig({ DISCORD_TOKEN: 't', SHARD_COUNT: '4', SHARD_IDS: '2, 3' })).toMatchObject({ SHARD_COUNT: 4, SHARD_IDS: [2, 3] });
  });

  it('reads DISCORD_GLOBAL_RATE as a whole number of requests a second, 50 unless Discord granted more', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't' }).DISCORD_GLOBAL_RATE).toBe(50);
    expect(parseConfig({ DISCORD_TOKEN: 't', DISCORD_GLOBAL_RATE: '1200' }).DISCORD_GLOBAL_RATE).toBe(1200);
    expect(problemsOf({ DISCORD_TOKEN: 't', DISCORD_GLOBAL_RATE: 'fast' })).toEqual([
      'DISCORD_GLOBAL_RATE must be a whole number of requests a second, such as 50 (got "fast")',
    ]);
    expect(problemsOf({ DISCORD_TOKEN: 't', DISCORD_GLOBAL_RATE: '12.5' })).toEqual([
      'DISCORD_GLOBAL_RATE must be a whole number of requests a second, such as 50 (got "12.5")',
    ]);
    expect(problemsOf({ DISCORD_TOKEN: 't', DISCORD_GLOBAL_RATE: '0' })).toEqual(['DISCORD_GLOBAL_RATE must be at least 1 (got "0")']);
  });

  it('refuses SHARD_IDS without a numeric SHARD_COUNT, or beyond it', () => {
    expect(problemsOf({ DISCORD_TOKEN: 't', SHARD_IDS: '0,1' })).toEqual([expect.stringMatching(/^SHARD_IDS needs SHARD_COUNT set to a number/)]);
    expect(problemsOf({ DISCORD_TOKEN: 't', SHARD_COUNT: 'auto', SHARD_IDS: '0' })).toEqual([
      expect.stringMatching(/^SHARD_IDS needs SHARD_COUNT set to a number/),
    ]);
    expect(problemsOf({ DISCORD_TOKEN: 't', SHARD_COUNT: '2', SHARD_IDS: '1,2' })).toEqual(['SHARD_IDS must be below SHARD_COUNT (2) (got "1,2")']);
    expect(problemsOf({ DISCORD_TOKEN: 't', SHARD_COUNT: 'many' })).toEqual([expect.stringMatching(/^SHARD_COUNT must be "auto" or a whole number/)]);
  });
});

describe('the .env file', () => {
  it('is read when present, and the real environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-config-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'DISCORD_TOKEN=from-file\nSTUDY_TIMEZONE=Europe/Berlin\n# a comment\nLOG_LEVEL=debug\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, file);
    expect(config).toMatchObject({ DISCORD_TOKEN: 'from-file', STUDY_TIMEZONE: 'Europe/Berlin', LOG_LEVEL: 'warn' });
  });

  it('is optional', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'x' }, '/nonexistent/.env').DISCORD_TOKEN).toBe('x');
  });
});
