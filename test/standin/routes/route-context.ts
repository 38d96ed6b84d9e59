import type { Clock } from '../clock.ts';
import { discordErrors } from '../http/discord-errors.ts';
import type { InteractionLedger } from '../interactions/interaction-ledger.ts';
import { type BodyContext, type BodyKind, bodyViolations } from '../validation/request-bodies.ts';
import type { ApplicationCommands } from '../world/application-commands.ts';
import type { StandinUser } from '../world/records.ts';
import type { World } from '../world/world.ts';

/** The state and settings route handlers work with. */
export interface RouteContext {
  world: World;
  commands: ApplicationCommands;
  interactions: InteractionLedger;
  clock: Clock;
  applicationId: string;
  /** The developer who owns the application, as `GET /applications/@me` reports. */
  applicationOwner: StandinUser;
  gatewayUrl: () => string;
  recommendedShards: number;
  maxConcurrency: number;
  identifyCount: () => number;
  /** How long Discord waits for the first interaction response (3 s). */
  interactionDeadlineMs: number;
  /** How long an interaction token works for follow-ups and edits (15 min). */
  interactionTokenLifetimeMs: number;
}

export type Json = Record<string, unknown>;

/** The body, if it passes Discord's checks; otherwise a 400 in Discord's shape that names each broken rule. */
export function requireValidBody(kind: BodyKind, body: unknown, context: BodyContext = {}): Json {
  const violations = bodyViolations(kind, body, context);
  if (violations.length > 0) throw discordErrors.invalidFormBody(violations);
  return body as Json;
}

/** For `lookup() ?? failWith(error)`. */
export function failWith(error: Error): never {
  throw error;
}
