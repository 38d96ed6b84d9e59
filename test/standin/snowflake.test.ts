import { describe, expect, test } from 'vitest';
import { SnowflakeGenerator, shardOfGuild, timestampOfSnowflake } from './snowflake.ts';

describe('snowflakes', () => {
  test('carry their creation time and sort by it', () => {
    const ids = new SnowflakeGenerator();
    const before = Date.now();

    const [first, second] = [ids.next(), ids.next()];

    expect(timestampOfSnowflake(first)).toBeGreaterThanOrEqual(before);
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));
  });

  test('spread guilds round-robin over shards', () => {
    const ids = new SnowflakeGenerator();

    const guildIds = Array.from({ length: 6 }, () => ids.nextSpread());

    expect(guildIds.map((id) => shardOfGuild(id, 3))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(new Set(guildIds).size).toBe(6);
    expect(timestampOfSnowflake(guildIds[0]!)).toBeLessThanOrEqual(Date.now());
  });
});
