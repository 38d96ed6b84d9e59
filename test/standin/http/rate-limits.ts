import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';

export interface WindowRule {
  limit: number;
  windowMs: number;
}

interface WindowState {
  allowed: boolean;
  remaining: number;
  resetAt: number;
}

/**
 * A fixed window that opens with its first request. discord.js runs the same kind of window
 * on its side (and waits 50 ms past each reset), so a client that obeys the headers never trips it.
 */
class FixedWindow {
  private count = 0;
  private resetAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly rule: WindowRule) {}

  take(now: number): WindowState {
    if (now >= this.resetAt) {
      this.count = 0;
      this.resetAt = now + this.rule.windowMs;
    }
    if (this.count >= this.rule.limit) return { allowed: false, remaining: 0, resetAt: this.resetAt };
    this.count += 1;
    return { allowed: true, remaining: this.rule.limit - this.count, resetAt: this.resetAt };
  }
}

/**
 * Discord's global limit: at most `limit` requests in any span of `windowMs`, per bot token,
 * whichever process or gateway session sends them. Discord documents "50 requests per second"
 * without the algorithm; clients that kept a fixed one-second window of their own still drew
 * global 429s, which a window sliding over the arrivals explains (discord/discord-api-docs#5144:
 * 50 requests received within 1.392–1.503 s, and one more at 2.355 s limited). Counting every
 * span is also the strictest reading of "per second": a bot that passes it passes any window.
 */
export class GlobalRateLimit {
  /** The earliest possible arrival times of each token's last `limit` requests, oldest first. */
  private readonly arrivals = new Map<string, number[]>();

  constructor(private readonly rule: WindowRule) {}

  /**
   * Counts a request handled at `at` that may have arrived as early as `earliest` (see
   * arrival-times.ts): it is limited only if it would be whatever the true arrival times were.
   * Milliseconds to wait when over the limit, otherwise undefined.
   */
  take(token: string, at: number, earliest = at): number | undefined {
    let recent = this.arrivals.get(token);
    if (!recent) this.arrivals.set(token, (recent = []));
    const oldest = recent.length < this.rule.limit ? undefined : recent[0]!;
    if (oldest !== undefined && at - oldest < this.rule.windowMs) return oldest + this.rule.windowMs - at;
    if (oldest !== undefined) recent.shift();
    recent.push(earliest);
    return undefined;
  }
}

export interface BucketState {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  resetAfterMs: number;
  bucket: string;
}

/** Per-route buckets: one window per route and major parameter (channel, guild), like Discord's. */
export class RouteBuckets {
  private readonly windows = new Map<string, FixedWindow>();

  constructor(
    private readonly rules: Readonly<Record<string, WindowRule>>,
    private readonly defaultRule: WindowRule,
    private readonly clock: Clock,
  ) {}

  /** `routeKey` is `METHOD /pattern`, e.g. `POST /channels/:channel_id/messages`. */
  take(routeKey: string, majorId: string): BucketState {
    const rule = this.rules[routeKey] ?? this.defaultRule;
    const key = `${routeKey} ${majorId}`;
    let window = this.windows.get(key);
    if (!window) {
      window = new FixedWindow(rule);
      this.windows.set(key, window);
    }
    const now = this.clock.now();
    const state = window.take(now);
    return { ...state, limit: rule.limit, resetAfterMs: state.resetAt - now, bucket: bucketHash(routeKey) };
  }
}

export function bucketHeaders(state: BucketState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': (state.resetAt / 1000).toFixed(3),
    'X-RateLimit-Reset-After': (state.resetAfterMs / 1000).toFixed(3),
    'X-RateLimit-Bucket': state.bucket,
  };
}

/** Discord's bucket ids are opaque hashes shared by every major parameter of a route. */
function bucketHash(routeKey: string): string {
  return createHash('sha1').update(routeKey).digest('hex').slice(0, 32);
}

/** The route parameter Discord keys buckets on. */
export function majorParameter(params: Record<string, string>): string {
  return params.channel_id ?? params.guild_id ?? params.webhook_id ?? params.interaction_id ?? 'global';
}

/** A 429 as Discord sends it: the header rounds up to whole seconds, the body keeps the precise wait. */
export function tooManyRequestsReply(scope: 'global' | 'user', retryAfterSeconds: number) {
  const retryAfter = Math.max(0, Number(retryAfterSeconds.toFixed(3)));
  const headers: Record<string, string> = { 'Retry-After': String(Math.ceil(retryAfter)), 'X-RateLimit-Scope': scope };
  if (scope === 'global') headers['X-RateLimit-Global'] = 'true';
  return {
    status: 429,
    headers,
    body: { message: 'You are being rate limited.', code: 0, retry_after: retryAfter, global: scope === 'global' },
  };
}
