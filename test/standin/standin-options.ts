import { type Clock, systemClock } from './clock.ts';
import type { WindowRule } from './http/rate-limits.ts';
import { DEFAULT_BOT_PERMISSIONS } from './world/permissions.ts';

export interface StandinOptions {
  botUsername?: string;
  /** How long await helpers wait before failing (default 5000 ms). */
  timeoutMs?: number;
  /** Time source for rate limits and interaction deadlines (default: the system clock). */
  clock?: Clock;
  heartbeatIntervalMs?: number;
  /** `shards` in `GET /gateway/bot` (default 1). */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`: shards that may identify at once (default 1). */
  maxConcurrency?: number;
  /** Privileged intents enabled "in the developer portal" (GatewayIntentBits bits; default none). */
  privilegedIntents?: number;
  /** Permissions of the bot's managed role in every guild. */
  botPermissions?: bigint;
  /** Global limit on bot-authenticated requests (default 50 per second). */
  globalRateLimit?: WindowRule;
  /** Per-route limits keyed `METHOD /pattern`, merged over the defaults (message create/edit: 5 per 5 s per channel). */
  routeRateLimits?: Record<string, WindowRule>;
  /** Limit for every other route (default 50 per second per route and major parameter). */
  defaultRouteRateLimit?: WindowRule;
  /** Time the bot has for its first interaction response (default 3000 ms, as on Discord). */
  interactionDeadlineMs?: number;
}

const DEFAULT_ROUTE_LIMITS: Record<string, WindowRule> = {
  'POST /channels/:channel_id/messages': { limit: 5, windowMs: 5000 },
  'PATCH /channels/:channel_id/messages/:message_id': { limit: 5, windowMs: 5000 },
};

export type ResolvedOptions = Required<StandinOptions>;

export function resolveOptions(options: StandinOptions): ResolvedOptions {
  return {
    botUsername: options.botUsername ?? 'Study Companion',
    timeoutMs: options.timeoutMs ?? 5000,
    clock: options.clock ?? systemClock,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    recommendedShards: options.recommendedShards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
    privilegedIntents: options.privilegedIntents ?? 0,
    botPermissions: options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
    globalRateLimit: options.globalRateLimit ?? { limit: 50, windowMs: 1000 },
    routeRateLimits: { ...DEFAULT_ROUTE_LIMITS, ...options.routeRateLimits },
    defaultRouteRateLimit: options.defaultRouteRateLimit ?? { limit: 50, windowMs: 1000 },
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
  };
}
