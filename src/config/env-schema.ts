import cron from 'node-cron';
import * as z from 'zod';
import { dailyTimeFromCron } from './daily-cron.ts';
import { isValidTimeZone } from '../util/time.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Treats an empty value (`NAME=` in .env) the same as an unset one. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The environment contract. README's table and .env.example document the same names. */
export const envSchema = z
  .object({
    DISCORD_TOKEN: z
      .string({ error: 'is required: the bot token from the Discord developer portal' })
      .min(1, 'is required: the bot token from the Discord developer portal'),
    DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default('https://discord.com/api'),
    DISCORD_GUILD_ID: optional(snowflake),
    STORE_URL: optional(z.string().regex(/^[a-z][a-z0-9+.-]*:\/\//, 'must be a URL such as sqlite://data/study.sqlite')).default(
      'sqlite://data/study.sqlite',
    ),
    STUDY_CHANNEL_ID: optional(snowflake),
    STUDY_CRON: optional(
      z.string().superRefine((expression, ctx) => {
        if (!cron.validate(expression))
          return ctx.addIssue({ code: 'custom', message: 'must be a node-cron expression with 5 or 6 fields, such as "0 9 * * *"' });
        const daily = dailyTimeFromCron(expression);
        if ('reason' in daily) ctx.addIssue({ code: 'custom', message: daily.reason });
      }),
    ).default('0 9 * * *'),
    STUDY_TIMEZONE: optional(z.string().refine(isValidTimeZone, 'must be an IANA time zone such as "Europe/Berlin" or "UTC"')).default('UTC'),
    DISCORD_GLOBAL_RATE: optional(
      z.coerce
        .number({ error: 'must be a whole number of requests a second, such as 50' })
        .int('must be a whole number of requests a second, such as 50')
        .min(1, 'must be at least 1')
        .max(100_000, 'must be at most 100000'),
    ).default(50),
    LOG_LEVEL: optional(z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })).default('info'),
    SHARD_COUNT: optional(
      z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)], { error: 'must be "auto" or a whole number of shards, such as 4' }),
    ),
    SHARD_IDS: optional(
      z
        .string()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'must be a comma-separated list of shard ids, such as 0,1')
        .transform((list) => list.split(',').map((id) => Number(id.trim()))),
    ),
    /** Set by discord.js's ShardingManager in the processes it starts (with SHARDS and SHARD_COUNT); not for users. */
    SHARDING_MANAGER: optional(z.literal('true')),
    /** Set by the ShardingManager alongside: the shard this process runs. */
    SHARDS: optional(z.coerce.number().int().nonnegative()),
  })
  .superRefine((config, ctx) => {
    if (config.SHARD_IDS && typeof config.SHARD_COUNT !== 'number')
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: 'needs SHARD_COUNT set to a number as well: the total number of shards across all machines',
      });
    if (config.SHARD_IDS && typeof config.SHARD_COUNT === 'number' && config.SHARD_IDS.some((id) => id >= (config.SHARD_COUNT as number)))
      ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: `must be below SHARD_COUNT (${config.SHARD_COUNT})` });
  });

export type Config = z.infer<typeof envSchema>;
