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

  constructor(
    private readonly rule: WindowRule,
    private readonly earlyResetMs = 0,
  ) {}

  take(now: number): WindowState {
    if (now >= this.resetAt - this.earlyResetMs) {
      this.count = 0;
      this.resetAt = now + this.rule.windowMs;
    }
    if (this.count >= this.rule.limit) return { allowed: false, remaining: 0, resetAt: this.resetAt };
    this.count += 1;
    return { allowed: true, remaining: this.rule.limit - this.count, resetAt: this.resetAt };
  }
}

export class GlobalRateLimit {
  private readonly window: FixedWindow;

  constructor(
    rule: WindowRule,
    private readonly clock: Clock,
  ) {
    // discord.js opens its global window when it sends, ours opens when the request arrives a little
    // later; closing ours 50 ms early keeps a client that obeys the limit clear of 429s.
    this.window = new FixedWindow(rule, 50);
  }

  /** Milliseconds to wait when over the limit, otherwise undefined. */
  take(): number | undefined {
    const now = this.clock.now();
    const state = this.window.take(now);
    return state.allowed ? undefined : state.resetAt - now;
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
