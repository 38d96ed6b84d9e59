const DISCORD_EPOCH = 1_420_070_400_000;
const WORKER_ID = 1n;
const PROCESS_ID = 0n;
/** Divisible by every shard count from 1 to 10. */
const SPREAD = 2520;

/** Discord-shaped snowflakes: milliseconds since the Discord epoch in the top bits. */
export class SnowflakeGenerator {
  private lastTimestamp = 0;
  private increment = 0n;
  private spreadCount = 0;

  /** A fresh id; each gets its own millisecond, so ids also sort by creation. */
  next(): string {
    const timestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    this.lastTimestamp = timestamp;
    return this.build(timestamp);
  }

  /**
   * An id for the k-th guild, dated a little in the past so that guild k lands on shard k mod n
   * for any shard count n up to 10, the way real guild ids spread over shards.
   */
  nextSpread(): string {
    const k = this.spreadCount++;
    const sinceEpoch = Date.now() - DISCORD_EPOCH;
    return this.build(DISCORD_EPOCH + sinceEpoch - mod(sinceEpoch - k, SPREAD));
  }

  private build(timestamp: number): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    const id = (BigInt(timestamp - DISCORD_EPOCH) << 22n) | (WORKER_ID << 17n) | (PROCESS_ID << 12n) | this.increment;
    return id.toString();
  }
}

export function timestampOfSnowflake(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/** The shard that Discord routes a guild's events to. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
